package netralitas.hub.mail;

import netralitas.hub.followup.BouncedMail;
import netralitas.hub.followup.FollowUpCase;
import netralitas.hub.inbox.FailedRecipient;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of the notice to Bawaslu staff that a follow-up mail of the hub came back undelivered (templates
 * bounce-notice.*): which mail, to whom it failed and what the server said, the cases it was about, and where the
 * returned mail lies for them to forward.
 */
final class BounceNoticeView {

    private BounceNoticeView() {
    }

    static Map<String, Object> of(BouncedMail bounce, BounceLocation location, Instant now, ZoneId zone,
                                  MailSignature signature) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mail", bounce.mail().label());
        m.put("digest", bounce.cases().size() > 1);
        List<Map<String, Object>> failed = new ArrayList<>();
        for (FailedRecipient recipient : bounce.recipients()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("address", recipient.address());
            f.put("status", orAbsent(recipient.status()));
            f.put("diagnostic", orAbsent(recipient.diagnostic()));
            failed.add(f);
        }
        m.put("failed", failed);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (FollowUpCase followUp : bounce.cases()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("caseId", followUp.caseId());
            c.put("subject", followUp.summary().subject());
            c.put("place", followUp.summary().place());
            c.put("forwardedAt", FollowUpView.at(followUp.forwardedAt(), zone));
            c.put("recipients", followUp.recipients());
            cases.add(c);
        }
        m.put("cases", cases);
        m.put("returnedMessageId", bounce.messageId());
        m.put("bounceMailbox", location.mailbox());
        m.put("bounceFolder", location.folder());
        m.put("bounceFrom", orAbsent(location.from()));
        m.put("bounceSubject", orAbsent(location.subject()));
        m.put("receivedAt", FollowUpView.at(now, zone));
        m.put("signature", CaseView.signature(signature));
        return m;
    }

    private static String orAbsent(String value) {
        return value == null || value.isBlank() ? CaseView.ABSENT : value;
    }
}
