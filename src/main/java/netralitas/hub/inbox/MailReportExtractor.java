package netralitas.hub.inbox;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import netralitas.hub.classify.Category;
import netralitas.hub.classify.CategoryCatalogue;
import netralitas.hub.nip.NipValidator;
import netralitas.hub.region.Region;
import netralitas.hub.region.RegionDirectory;
import netralitas.hub.report.IncidentDates;
import netralitas.hub.report.ReportFields;

/**
 * Turns a report email into the canonical fields {@code ReportParser} takes (SPEC §3.2). "Label: value" lines win;
 * free text fills only what they left open: a NIP written anywhere, a region named with its Kab./Kota marker, the
 * category its keywords suggest, the whole text as description. It extracts and never judges: an invalid NIP is
 * passed on so the parser can say what is wrong with it.
 */
public final class MailReportExtractor {

    /** A date in the text older than this before the mail was sent is more likely history than the incident. */
    private static final int MAX_DAYS_BEFORE_SENT = 366;

    private final NipValidator nipValidator;
    private final RegionDirectory regions;
    private final CategoryCatalogue categories;

    public MailReportExtractor(NipValidator nipValidator, RegionDirectory regions, CategoryCatalogue categories) {
        this.nipValidator = Objects.requireNonNull(nipValidator, "nipValidator");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.categories = Objects.requireNonNull(categories, "categories");
    }

    /** Values keyed by {@link ReportFields} names; a field with nothing to say is absent, never blank. */
    public Map<String, String> fields(InboundMail mail) {
        LabelledText parsed = LabelledText.parse(mail.text());
        Map<String, String> fields = new LinkedHashMap<>(parsed.fields());
        String subject = mail.subject() == null ? "" : mail.subject();
        String searchable = subject + "\n" + parsed.bodyText();

        normaliseLabelledDate(fields);
        if (!fields.containsKey(ReportFields.NIP_TERLAPOR)) {
            nipIn(searchable).ifPresent(nip -> fields.put(ReportFields.NIP_TERLAPOR, nip));
        }
        if (!fields.containsKey(ReportFields.KODE_WILAYAH) && !fields.containsKey(ReportFields.WILAYAH)) {
            regionIn(searchable).ifPresent(region -> fields.put(ReportFields.KODE_WILAYAH, region.code()));
        }
        if (!fields.containsKey(ReportFields.JENIS_PELANGGARAN)) {
            categories.byKeywords(searchable).map(Category::code)
                    .ifPresent(code -> fields.put(ReportFields.JENIS_PELANGGARAN, code));
        }
        if (!fields.containsKey(ReportFields.URAIAN)) {
            String free = parsed.freeText();
            if (!free.isEmpty()) {
                fields.put(ReportFields.URAIAN, free);
            }
        }
        if (!fields.containsKey(ReportFields.TANGGAL_KEJADIAN)) {
            incidentDate(parsed.bodyText(), mail.sentDate())
                    .ifPresent(date -> fields.put(ReportFields.TANGGAL_KEJADIAN, date.toString()));
        }
        if (mail.sentDate() != null) {
            fields.put(ReportFields.TANGGAL_EMAIL, mail.sentDate().toString());
        }
        if (mail.fromName() != null) {
            fields.putIfAbsent(ReportFields.NAMA_PELAPOR, mail.fromName());
        }
        if (mail.fromAddress() != null) {
            fields.putIfAbsent(ReportFields.KONTAK_PELAPOR, mail.fromAddress());
        }
        return fields;
    }

    /**
     * Whether the message looks like a report at all (SPEC §3.3): a report label ("NIP Terlapor:", "Uraian:" …), a
     * NIP-shaped number, a region or a category keyword in its subject or text. A message the row rules reject but
     * that passes this is a reporter's attempt and worth an answer; one that fails it is most likely spam, a stray
     * message or a forged sender, and an answer would only be backscatter.
     */
    public boolean looksLikeAReport(InboundMail mail) {
        LabelledText parsed = LabelledText.parse(mail.text());
        if (!parsed.fields().isEmpty()) {
            return true;
        }
        String searchable = (mail.subject() == null ? "" : mail.subject()) + "\n" + parsed.bodyText();
        return !NipValidator.findCandidates(searchable).isEmpty() || !regions.findInText(searchable).isEmpty()
                || categories.byKeywords(searchable).isPresent();
    }

    /** "18 Oktober 2024" is clear to anyone; rewrite it in a form the row rules accept. */
    private static void normaliseLabelledDate(Map<String, String> fields) {
        String value = fields.get(ReportFields.TANGGAL_KEJADIAN);
        if (value == null || IncidentDates.parse(value).ok()) {
            return;
        }
        List<LocalDate> dates = TextDates.findAll(value);
        if (dates.size() == 1) {
            fields.put(ReportFields.TANGGAL_KEJADIAN, dates.get(0).toString());
        }
    }

    /** The first NIP that is valid; failing that the first NIP-shaped number, so the parser can explain it. */
    private Optional<String> nipIn(String text) {
        List<String> candidates = NipValidator.findCandidates(text);
        return candidates.stream().filter(c -> nipValidator.check(c).valid()).findFirst()
                .or(() -> candidates.stream().findFirst());
    }

    /** A kabupaten/kota is what routing needs; a province alone only when no kabupaten/kota is named. */
    private Optional<Region> regionIn(String text) {
        List<Region> found = regions.findInText(text);
        return found.stream().filter(r -> !r.isProvince()).findFirst().or(() -> found.stream().findFirst());
    }

    /**
     * The first date the text gives that could be the incident (not after the mail was sent, not long before). None
     * when the text gives none ("kemarin sore" is no date): then the parser takes the day the mail was sent
     * ({@link ReportFields#TANGGAL_EMAIL}) and the office is told that it is only the email's date.
     */
    private static Optional<LocalDate> incidentDate(String text, LocalDate sent) {
        for (LocalDate date : TextDates.findAll(text)) {
            if (sent == null || (!date.isAfter(sent) && !date.isBefore(sent.minusDays(MAX_DAYS_BEFORE_SENT)))) {
                return Optional.of(date);
            }
        }
        return Optional.empty();
    }
}
