package netralitas.hub.inbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import netralitas.hub.nip.NipValidator;

/**
 * Walks the MIME tree of one message and collects its readable text and its attachments. Only the top-level
 * structure is essential: a broken part further down is skipped with a note, so one bad attachment does not
 * cost the report its text. The structure is bounded ({@link MailLimits}): past the nesting depth, the number of
 * parts or the header bytes the walk stops with {@link MailBoundExceeded}; files after the per-message maximum are
 * only counted.
 */
final class PartWalker {

    /** Notes kept per message; the rest are counted in a last one. */
    static final int MAX_NOTES = 10;
    static final int MAX_TEXT_PART_BYTES = 2 * 1024 * 1024;
    /** A CSV bigger than this is not processed as a CSV drop; it is kept as (withheld) evidence instead. */
    static final long MAX_CSV_BYTES = 50L * 1024 * 1024;
    /** Stops collecting text well past what {@link InboundMailReader} keeps. */
    private static final int TEXT_COLLECTION_LIMIT = InboundMailReader.MAX_TEXT_CHARS + 1000;

    /** Line written before the text of an attached (message/rfc822) message; the extractor skips the block. */
    static final String FORWARD_MARKER = "---------- Pesan terusan ----------";

    private static final Set<String> CSV_TYPES = Set.of("text/csv", "application/csv", "text/comma-separated-values");

    private enum Mode { FULL, ATTACHMENTS_ONLY }

    private final Session session;
    private final MailLimits limits;
    private final StringBuilder text = new StringBuilder();
    /** The same text, HTML read without its quoted parts ({@link HtmlText#ownText}); null while no HTML was read. */
    private StringBuilder ownText;
    private final List<EvidenceFile> evidence = new ArrayList<>();
    private final List<CsvAttachment> csv = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final AttachmentsLeftOut.Tally leftOut;
    /**
     * The text of the first attached text file that holds a report: read as the message's text when its body holds
     * none ("lihat lampiran", or Exchange's whole body moved into ATT00001.txt); null while there is none.
     */
    private String attachedReport;
    private int notesLeftOut;
    private int attachmentIndex;
    /** The message itself is the first part. */
    private long partsLeft;
    private long headerBytesLeft;

    /** @param headerBytesSpent the bytes of the message's own header block, already read */
    PartWalker(Session session, MailLimits limits, long headerBytesSpent) {
        this.session = session;
        this.limits = limits;
        this.leftOut = new AttachmentsLeftOut.Tally(limits);
        this.partsLeft = limits.maxMimeParts() - 1L;
        this.headerBytesLeft = limits.maxHeaderBytes() - headerBytesSpent;
    }

    /**
     * @throws MessagingException when the message's own structure cannot be parsed (e.g. its multipart start
     *                            boundary never appears): then there is nothing trustworthy to read
     * @throws MailBoundExceeded  when the structure is past one of the {@link MailLimits}
     */
    void walk(MimeMessage message) throws MessagingException, IOException, MailBoundExceeded {
        walk(message, 0, Mode.FULL);
        if (attachedReport != null && !holdsAReport(text())) {
            // Replaced, not appended: a cover note's closing ("Salam,") would end the report before its first label.
            text.setLength(0);
            text.append(attachedReport);
            ownText = null;
        }
    }

    String text() {
        return text.toString();
    }

    /** The text without what an HTML reply marked as quoted; the same as {@link #text()} when no HTML was read. */
    String ownText() {
        return ownText == null ? text() : ownText.toString();
    }

    List<EvidenceFile> evidence() {
        return evidence;
    }

    List<CsvAttachment> csv() {
        return csv;
    }

    /** At most {@link #MAX_NOTES} + 1 lines, the last one counting those left out. */
    List<String> notes() {
        if (notesLeftOut == 0) {
            return notes;
        }
        List<String> bounded = new ArrayList<>(notes);
        bounded.add("dan " + AttachmentsLeftOut.number(notesLeftOut) + " catatan lain");
        return bounded;
    }

    AttachmentsLeftOut leftOut() {
        return leftOut.with(evidence);
    }

    private void note(String note) {
        if (notes.size() < MAX_NOTES) {
            notes.add(note);
        } else {
            notesLeftOut++;
        }
    }

    private void walk(Part part, int depth, Mode mode) throws MessagingException, IOException, MailBoundExceeded {
        if (depth > limits.maxNestingDepth()) {
            throw MailBoundExceeded.nestingDepth(limits);
        }
        String contentType = header(part, "Content-Type");
        String type = MimeTypes.baseType(contentType);
        if (type.startsWith("multipart/")) {
            multipart((MimePart) part, type, depth, mode);
        } else if (type.equals("message/rfc822") || type.equals("message/global")) {
            forwarded(part, depth, mode);
        } else if (isBodyText(part, type)) {
            if (mode == Mode.FULL && text.length() <= TEXT_COLLECTION_LIMIT) {
                appendBody(readText(part, contentType), type);
            }
        } else {
            attachment(part, type);
        }
    }

    private void multipart(MimePart part, String type, int depth, Mode mode)
            throws MessagingException, IOException, MailBoundExceeded {
        MimeScan.Multipart scan;
        try (InputStream in = decodedStream(part)) {
            scan = MimeScan.multipart(in, MimeTypes.typeParameter(header(part, "Content-Type"), "boundary"),
                    (int) Math.min(Integer.MAX_VALUE, partsLeft), headerBytesLeft);
        }
        partsLeft -= scan.parts();
        headerBytesLeft -= scan.headerBytes();
        if (partsLeft < 0) {
            throw MailBoundExceeded.mimeParts(limits);
        }
        if (headerBytesLeft < 0) {
            throw MailBoundExceeded.headerBytes(limits);
        }
        MimeMultipart multipart = new MimeMultipart(new MimePartDataSource(part));
        int count = multipart.getCount(); // parses: a missing start boundary fails here
        List<BodyPart> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            children.add(multipart.getBodyPart(i));
        }
        int chosen = -1;
        if (type.equals("multipart/alternative") && mode == Mode.FULL) {
            chosen = chooseAlternative(children);
        }
        for (int i = 0; i < children.size(); i++) {
            Mode childMode = chosen >= 0 && i != chosen ? Mode.ATTACHMENTS_ONLY : mode;
            if (chosen == i && isPlainText(children.get(i))) {
                continue; // its text was already taken while choosing
            }
            walkChild(children.get(i), depth + 1, childMode);
        }
    }

    private void walkChild(Part child, int depth, Mode mode) throws MailBoundExceeded {
        try {
            walk(child, depth, mode);
        } catch (MessagingException | IOException | RuntimeException e) {
            note("bagian MIME rusak diabaikan: " + detail(e));
        }
    }

    /**
     * Plain text is what the sender typed; HTML is used when there is no non-blank plain alternative, or when the
     * plain one holds no report but the HTML does: webmail and newsletter tools put a placeholder ("Email ini
     * berformat HTML …") there. Returns the index of the chosen child (plain text already appended), or -1 to walk
     * every child.
     */
    private int chooseAlternative(List<BodyPart> children) {
        String plain = null;
        int plainIndex = -1;
        for (int i = 0; i < children.size() && plain == null; i++) {
            Part child = children.get(i);
            if (isPlainText(child)) {
                try {
                    String read = readText(child, header(child, "Content-Type"));
                    if (!read.isBlank()) {
                        plain = read;
                        plainIndex = i;
                    }
                } catch (MessagingException | IOException | RuntimeException e) {
                    note("bagian teks rusak diabaikan: " + detail(e));
                }
            }
        }
        if (plain != null && holdsAReport(plain)) {
            appendText(plain);
            return plainIndex;
        }
        int htmlIndex = -1;
        int multipartIndex = -1;
        for (int i = 0; i < children.size() && htmlIndex < 0; i++) {
            String type = MimeTypes.baseType(header(children.get(i), "Content-Type"));
            if (type.equals("text/html") && isBodyText(children.get(i), type)) {
                htmlIndex = i;
            } else if (type.startsWith("multipart/")) {
                multipartIndex = i;
            }
        }
        if (plain == null) {
            return htmlIndex >= 0 ? htmlIndex : multipartIndex;
        }
        if (htmlIndex >= 0 && htmlHoldsAReport(children.get(htmlIndex))) {
            return htmlIndex;
        }
        appendText(plain);
        return plainIndex;
    }

    private boolean htmlHoldsAReport(Part html) {
        try {
            return holdsAReport(HtmlText.toText(readText(html, header(html, "Content-Type"))));
        } catch (MessagingException | IOException | RuntimeException e) {
            note("bagian teks rusak diabaikan: " + detail(e));
            return false;
        }
    }

    /**
     * A report label ("NIP Terlapor:", "Uraian:" …) or a NIP-shaped number: enough to tell a report from a placeholder
     * or a cover note, without the region and category lookups the extractor has.
     */
    static boolean holdsAReport(String text) {
        return !LabelledText.parse(text).fields().isEmpty() || !NipValidator.findCandidates(text).isEmpty();
    }

    private void forwarded(Part part, int depth, Mode mode) throws MessagingException, IOException, MailBoundExceeded {
        try (InputStream in = decodedStream(part)) {
            headerBytesLeft -= MimeScan.headerBytes(in, Math.max(0, headerBytesLeft));
        }
        if (headerBytesLeft < 0) {
            throw MailBoundExceeded.headerBytes(limits);
        }
        MimeMessage inner = new MimeMessage(session, decodedStream(part));
        if (mode == Mode.FULL) {
            StringBuilder heading = new StringBuilder(FORWARD_MARKER);
            String from = displayFrom(inner);
            if (from != null) {
                heading.append("\nDari: ").append(from);
            }
            String subject = SingleLine.of(safeSubject(inner), InboundMailReader.MAX_SUBJECT_CHARS);
            if (subject != null) {
                heading.append("\nSubjek: ").append(subject);
            }
            appendText(heading.toString());
        }
        walk(inner, depth + 1, mode);
    }

    private void attachment(Part part, String type) throws MessagingException {
        int index = ++attachmentIndex;
        String rawName = fileName(part);
        String name = AttachmentNames.sanitise(rawName, index, type);
        if (index > limits.maxAttachmentsPerMessage()) {
            leftOut.drop(name, decodedSize(part));
            return;
        }
        boolean isCsv = CSV_TYPES.contains(type) || (rawName != null && rawName.strip().toLowerCase(Locale.ROOT).endsWith(".csv"));
        BoundedBytes.Read read;
        try (InputStream in = decodedStream(part)) {
            read = BoundedBytes.read(in, isCsv ? MAX_CSV_BYTES : limits.maxAttachmentBytes());
        } catch (IOException e) {
            note("lampiran " + name + " tidak dapat dibaca: " + detail(e));
            return;
        }
        if (isCsv && !read.overLimit()) {
            csv.add(new CsvAttachment(name, read.content()));
            return;
        }
        if (!isCsv && !read.overLimit() && attachedReport == null && isTextFile(type, rawName)) {
            readAsReport(read, header(part, "Content-Type"));
        }
        if (isCsv) {
            note("lampiran CSV " + name + " lebih dari " + (MAX_CSV_BYTES / (1024 * 1024)) + " MB, tidak diproses sebagai CSV");
        }
        evidence.add(new EvidenceFile(name, type, read.size(), read.content(), read.overLimit()));
    }

    private static boolean isTextFile(String type, String rawName) {
        return type.equals("text/plain") || (rawName != null && rawName.strip().toLowerCase(Locale.ROOT).endsWith(".txt"));
    }

    /** A text file no larger than a text part is bounded to; Notepad's byte order mark would hide the first label. */
    private void readAsReport(BoundedBytes.Read read, String contentType) {
        if (read.size() > MAX_TEXT_PART_BYTES) {
            return;
        }
        String decoded = TextCharsets.decode(read.content(), MimeTypes.typeParameter(contentType, "charset"));
        String fileText = decoded.substring(decoded.startsWith("\uFEFF") ? 1 : 0,
                Math.min(decoded.length(), TEXT_COLLECTION_LIMIT));
        if (holdsAReport(fileText)) {
            attachedReport = fileText;
        }
    }

    /** Decoded bytes, counted and not kept; the raw size when the content cannot be decoded. */
    private static long decodedSize(Part part) throws MessagingException {
        try (InputStream in = decodedStream(part)) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            return Math.max(0, part.getSize());
        }
    }

    /** The part's characters as sent: plain text (format=flowed unfolded), or HTML source. */
    private String readText(Part part, String contentType) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = decodedStream(part)) {
            bytes = BoundedBytes.readPrefix(in, MAX_TEXT_PART_BYTES);
        }
        String text = TextCharsets.decode(bytes, MimeTypes.typeParameter(contentType, "charset"));
        if (!isFlowed(contentType)) {
            return text;
        }
        return FlowedText.unfold(text, "yes".equalsIgnoreCase(MimeTypes.typeParameter(contentType, "delsp")));
    }

    /** RFC 3676 defines format=flowed for text/plain only; HTML is laid out by its tags. */
    private static boolean isFlowed(String contentType) {
        return MimeTypes.baseType(contentType).equals("text/plain")
                && "flowed".equalsIgnoreCase(MimeTypes.typeParameter(contentType, "format"));
    }

    /** A body part's text; of HTML, also the text without its quoted parts, for a reply's own text. */
    private void appendBody(String decoded, String type) {
        if (!type.equals("text/html")) {
            appendText(decoded);
            return;
        }
        if (ownText == null) {
            ownText = new StringBuilder(text);
        }
        append(ownText, HtmlText.ownText(decoded));
        append(text, HtmlText.toText(decoded));
    }

    private void appendText(String value) {
        if (ownText != null) {
            append(ownText, value);
        }
        append(text, value);
    }

    private static void append(StringBuilder target, String value) {
        if (value == null || value.isBlank() || target.length() > TEXT_COLLECTION_LIMIT) {
            return;
        }
        if (target.length() > 0) {
            target.append("\n\n");
        }
        target.append(value, 0, Math.min(value.length(), TEXT_COLLECTION_LIMIT));
    }

    /**
     * Content with its transfer encoding undone. Decoded here rather than through the activation framework so an
     * unknown encoding ("x-aneh") passes the bytes through as they are instead of failing the part.
     */
    private static InputStream decodedStream(Part part) throws MessagingException, IOException {
        InputStream raw;
        String encoding;
        if (part instanceof MimeBodyPart body) {
            raw = body.getRawInputStream();
            encoding = body.getEncoding();
        } else if (part instanceof MimeMessage message) {
            raw = message.getRawInputStream();
            encoding = message.getEncoding();
        } else {
            return part.getInputStream();
        }
        if (encoding == null || encoding.isBlank()) {
            return raw;
        }
        try {
            return MimeUtility.decode(raw, encoding.strip());
        } catch (MessagingException e) {
            return raw;
        }
    }

    private static boolean isPlainText(Part part) {
        return MimeTypes.baseType(header(part, "Content-Type")).equals("text/plain") && isBodyText(part, "text/plain");
    }

    /** Plain or HTML text is the body unless the sender marked it as an attachment or it is a CSV file. */
    private static boolean isBodyText(Part part, String type) {
        if (!type.equals("text/plain") && !type.equals("text/html")) {
            return false;
        }
        if ("attachment".equals(MimeTypes.disposition(header(part, "Content-Disposition")))) {
            return false;
        }
        String name = fileName(part);
        return name == null || !name.strip().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static String fileName(Part part) {
        String name = MimeTypes.dispositionParameter(header(part, "Content-Disposition"), "filename");
        if (name == null || name.isBlank()) {
            name = MimeTypes.typeParameter(header(part, "Content-Type"), "name");
        }
        return name == null || name.isBlank() ? null : MimeTypes.decodeWords(name);
    }

    private static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0
                    ? null
                    : MimeUtility.unfold(TextCharsets.rawHeaderValue(values[0]));
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String displayFrom(MimeMessage message) {
        String raw = header(message, "From");
        if (raw == null) {
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(raw, false);
            if (addresses.length > 0) {
                return SingleLine.of(addresses[0].toUnicodeString(), InboundMailReader.MAX_SUBJECT_CHARS);
            }
        } catch (MessagingException | RuntimeException e) {
            // fall through to the raw header, decoded as far as possible
        }
        return SingleLine.of(MimeTypes.decodeWords(raw), InboundMailReader.MAX_SUBJECT_CHARS);
    }

    private static String safeSubject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static String detail(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return SingleLine.of(text, 200);
    }
}
