package org.govpaas.platform.chargeback.web;

import java.util.Locale;
import org.govpaas.platform.chargeback.Statement;
import org.govpaas.platform.chargeback.StatementCsv;
import org.govpaas.platform.chargeback.StatementPdf;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Downloads of a statement, shared by the API and the console. */
final class Exports {

    private Exports() {
    }

    static ResponseEntity<byte[]> csv(Statement statement) {
        return download(StatementCsv.write(statement), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                name(statement, "csv"));
    }

    static ResponseEntity<byte[]> pdf(StatementPdf pdf, Statement statement, Locale locale) {
        return download(pdf.write(statement, locale), MediaType.APPLICATION_PDF, name(statement, "pdf"));
    }

    private static String name(Statement statement, String extension) {
        return "statement-" + statement.department() + "-" + statement.period() + "." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }
}
