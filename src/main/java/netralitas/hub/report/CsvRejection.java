package netralitas.hub.report;


import java.util.List;

/**
 * A CSV row that failed validation, with what is needed to copy it into the rejects file.
 *
 * @param delimiter the delimiter of the file the row came from
 */
public record CsvRejection(String fileName, List<String> header, char delimiter, RejectedRow row) {

    public String source() {
        return fileName + ":" + row.line();
    }
}
