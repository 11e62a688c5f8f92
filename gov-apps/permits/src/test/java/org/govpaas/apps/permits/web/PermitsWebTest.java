package org.govpaas.apps.permits.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The running app over HTTP, signed in through the real Keycloak: bad input and uploads as the
 * citizen sees them, privacy between citizens, the back office closed to other departments,
 * refused transitions, documents served safely. (The browser journey is PermitsJourneyTest.)
 */
class PermitsWebTest extends RunningApp {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final String SCRIPT = "<script>alert('x')</script>";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theStartPageNamesThePermitInBothLanguages() {
        BrowserlessLogin anonymous = new BrowserlessLogin();
        HttpResponse<String> chinese = get(anonymous, "");
        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(chinese.body()).contains("临时占用城市道路许可", "开始申请", "lang=\"zh-CN\"");
        assertThat(get(anonymous, "?lang=en").body()).contains("Permit to temporarily occupy a city road", "Start now");
    }

    @Test
    void aCitizenSeesOnlyTheirOwnApplicationsAndDocuments() {
        BrowserlessLogin owner = signedIn(SIGN_IN.citizen("owner"), "my/applications");
        String reference = submit(owner, validForm(owner).file("files", "方案.pdf", "application/pdf", PDF));
        HttpResponse<String> detail = get(owner, "my/applications/" + reference);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains(reference, "已提交", "方案.pdf");
        String document = documentLink(detail.body());

        HttpResponse<String> download = get(owner, document.substring(1));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(download.body()).startsWith("%PDF-1.7");

        BrowserlessLogin other = signedIn(SIGN_IN.citizen("other"), "my/applications");
        assertThat(get(other, "my/applications").body()).doesNotContain(reference);
        assertThat(get(other, "my/applications/" + reference).statusCode()).isEqualTo(404);
        assertThat(get(other, "my/applications/" + reference + "/edit").statusCode()).isEqualTo(404);
        assertThat(get(other, document.substring(1)).statusCode()).isEqualTo(404);
        HttpResponse<String> answer = send(other, "my/applications/" + reference,
                validForm(other).file("files", "b.pdf", "application/pdf", PDF));
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(get(other, "my/applications/XK-2222-2222-2222-2222").statusCode()).isEqualTo(404);
    }

    @Test
    void badAnswersAndUploadsAreShownNextToTheFieldsEscapedAndNothingIsStored() {
        BrowserlessLogin citizen = signedIn(SIGN_IN.citizen("typo"), "my/applications");
        int before = count("permit_application");
        Multipart form = validForm(citizen)
                .field("answer.applicant", SCRIPT)
                .field("answer.location", "")
                .file("files", "scan.pdf", "application/pdf", "<html><body>not a pdf</body></html>".getBytes(StandardCharsets.UTF_8))
                .file("files", "photo.pdf", "application/pdf", png())
                .file("files", "big.pdf", "application/pdf", bigPdf(5 * 1024 * 1024 + 1));

        HttpResponse<String> page = send(citizen, "my/applications", form);

        assertThat(page.statusCode()).isEqualTo(400);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select(".govuk-error-summary a").eachAttr("href"))
                .contains("#field-location", "#field-files");
        assertThat(html.select("#field-location-error").text()).contains("请填写占用地点");
        assertThat(html.select("#field-files-error").text())
                .contains("scan.pdf 不是 PDF、JPEG 或 PNG 文件", "photo.pdf 实际是 PNG 文件", "big.pdf 超过 5 MB");
        assertThat(html.select(".govuk-form-group--error #field-location")).hasSize(1);
        assertThat(html.select("#field-applicant").attr("value")).isEqualTo(SCRIPT);
        assertThat(page.body()).doesNotContain(SCRIPT).contains("&lt;script&gt;");
        assertThat(count("permit_application")).isEqualTo(before);
        assertThat(count("attachment where file_name in ('scan.pdf', 'photo.pdf', 'big.pdf')")).isZero();
    }

    @Test
    void aPeriodThatStartsInThePastOrEndsBeforeItStartsIsRefusedInTheSummaryAndNothingIsStored() {
        BrowserlessLogin citizen = signedIn(SIGN_IN.citizen("dates"), "my/applications");
        int before = count("permit_application");
        // Yesterday in the city (still today in UTC), and an end before the start.
        Multipart backwards = validForm(citizen).field("answer.startDate", "2026-11-20")
                .field("answer.endDate", "2026-11-01").file("files", "a.pdf", "application/pdf", PDF);

        HttpResponse<String> page = send(citizen, "my/applications", backwards);

        assertThat(page.statusCode()).isEqualTo(400);
        Document html = Jsoup.parse(page.body());
        assertThat(html.title()).startsWith("错误：");
        assertThat(html.select(".govuk-error-summary a")).extracting(a -> a.attr("href"), a -> a.text()).containsExactly(
                tuple("#field-startDate", "开始日期不能早于今天（2026-11-21）"),
                tuple("#field-endDate", "结束日期不能早于开始日期（2026-11-20）"));
        assertThat(html.select(".govuk-form-group--error #field-endDate").attr("value")).isEqualTo("2026-11-01");

        HttpResponse<String> english = send(citizen, "my/applications?lang=en", backwards);
        assertThat(Jsoup.parse(english.body()).select(".govuk-error-summary a").eachText()).containsExactly(
                "Start date cannot be in the past: today is 2026-11-21",
                "End date must be on or after the start date, 2026-11-20");
        assertThat(count("permit_application")).isEqualTo(before);
    }

    @Test
    void aFileFarBeyondTheLimitIsRefusedWithTheServicesOwnPageBeforeTheAppReadsIt() {
        BrowserlessLogin citizen = signedIn(SIGN_IN.citizen("huge"), "my/applications");
        int before = count("permit_application");
        // 5 MB allowed: up to 10 MB per file still reaches the form; 11 MB is cut off on the way in.
        HttpResponse<String> page = send(citizen, "my/applications", validForm(citizen)
                .file("files", "huge.pdf", "application/pdf", bigPdf(11 * 1024 * 1024)));

        assertThat(page.statusCode()).isEqualTo(413);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("h1").text()).isEqualTo("上传的文件太大"); // the citizen's language, the kit's layout
        assertThat(html.select("a[hreflang=en]").text()).isEqualTo("English");
        assertThat(page.body()).doesNotContain("HTTP Status", "Exception");
        assertThat(count("permit_application")).isEqualTo(before);
    }

    @Test
    void scriptInAnswersIsShownAsTextToCitizenAndStaff() {
        BrowserlessLogin citizen = signedIn(SIGN_IN.citizen("script"), "my/applications");
        String reference = submit(citizen, validForm(citizen).field("answer.purpose", SCRIPT + "\n第二行")
                .file("files", SCRIPT + ".pdf", "application/pdf", PDF));
        String mine = get(citizen, "my/applications/" + reference).body();
        assertThat(mine).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");

        BrowserlessLogin staff = signedIn(SIGN_IN.staff("reviewer"), "staff");
        String theirs = get(staff, "staff/applications/" + reference).body();
        assertThat(theirs).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void theBackOfficeIsClosedToOtherDepartmentsAndToCitizens() {
        BrowserlessLogin citizen = signedIn(SIGN_IN.citizen("nosy"), "my/applications");
        String reference = submit(citizen, validForm(citizen).file("files", "a.pdf", "application/pdf", PDF));
        String document = documentLink(get(citizen, "my/applications/" + reference).body())
                .replace("/my/", "staff/");

        BrowserlessLogin otherDepartment = signedIn(SIGN_IN.staff("health", "health", "staff"), "staff");
        for (String path : new String[] {"staff", "staff/activity", "staff/applications/" + reference, document}) {
            HttpResponse<String> page = get(otherDepartment, path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            // The path (with the reference) may be echoed; the application's contents never are.
            assertThat(page.body()).as(path).doesNotContain("文三路", "张三", "%PDF");
        }
        HttpResponse<String> claim = otherDepartment.send(HttpRequest.newBuilder(URI.create(APP_URL + "staff/applications/"
                + reference + "/claim")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(status(reference)).isEqualTo("SUBMITTED");

        HttpResponse<String> citizenAtTheBackOffice = get(citizen, "staff/applications/" + reference);
        assertThat(citizenAtTheBackOffice.statusCode()).isIn(302, 403);
        assertThat(citizenAtTheBackOffice.body()).doesNotContain("文三路", "张三");
    }

    @Test
    void staffActOnlyOnWhatTheyClaimedAndEveryActionIsInTheAuditTrail() {
        BrowserlessLogin citizen = signedIn(SIGN_IN.citizen("applicant"), "my/applications");
        String reference = submit(citizen, validForm(citizen).file("files", "a.pdf", "application/pdf", PDF));
        String alice = SIGN_IN.staff("alice");
        BrowserlessLogin first = signedIn(alice, "staff");
        BrowserlessLogin second = signedIn(SIGN_IN.staff("bob"), "staff");

        assertThat(get(first, "staff").body()).contains(reference);
        // Approving before claiming is refused and says why.
        HttpResponse<String> early = post(first, "staff/applications/" + reference, "approve", Map.of("comment", ""));
        assertThat(early.statusCode()).isEqualTo(302);
        assertThat(get(first, "staff/applications/" + reference).body()).contains("请先受理该申请再进行处理");
        assertThat(status(reference)).isEqualTo("SUBMITTED");

        post(first, "staff/applications/" + reference, "claim", Map.of());
        post(second, "staff/applications/" + reference, "reject", Map.of("comment", "不行"));
        assertThat(get(second, "staff/applications/" + reference).body()).contains("该申请已由其他审查人员受理");
        assertThat(status(reference)).isEqualTo("IN_REVIEW");

        // A rejection without a reason stays on the page with the error next to the comment.
        HttpResponse<String> noReason = post(first, "staff/applications/" + reference, "reject", Map.of("comment", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noReason.body()).select("#field-comment-error").text()).contains("请填写意见");

        post(first, "staff/applications/" + reference, "request-information", Map.of("comment", "请补充现场照片"));
        assertThat(status(reference)).isEqualTo("INFORMATION_REQUESTED");
        String citizenView = get(citizen, "my/applications/" + reference).body();
        assertThat(citizenView).contains("需补正材料", "请补充现场照片", "审查人员").doesNotContain(alice);

        // The citizen corrects the application and sends it back with a photo; it returns to alice.
        HttpResponse<String> edit = get(citizen, "my/applications/" + reference + "/edit");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(edit.body()).select("#request").text()).contains("请补充现场照片");
        assertThat(Jsoup.parse(edit.body()).select("#field-location").attr("value")).isEqualTo("文三路 100 号");
        HttpResponse<String> resubmitted = send(citizen, "my/applications/" + reference,
                validForm(citizen).field("answer.area", "10").file("files", "现场.png", "image/png", png()));
        assertThat(resubmitted.statusCode()).isEqualTo(302);
        assertThat(status(reference)).isEqualTo("IN_REVIEW");
        assertThat(get(citizen, "my/applications/" + reference).body()).contains("现场.png", "a.pdf", "补正后重新提交");
        assertThat(get(citizen, "my/applications/" + reference + "/edit").statusCode())
                .as("nothing to correct any more: back to the application").isEqualTo(302);

        String activity = get(second, "staff/activity").body();
        assertThat(activity).contains(reference, "补正后重新提交", "要求补正材料", "受理审查", "提交申请");
    }

    // ------------------------------------------------------------------ helpers

    private Multipart validForm(BrowserlessLogin browser) {
        return new Multipart()
                .field("_csrf", csrf(browser, "my/applications/new"))
                .field("answer.applicant", "张三")
                .field("answer.phone", "13800138000")
                .field("answer.location", "文三路 100 号")
                .field("answer.area", "12")
                .field("answer.startDate", "2026-12-01")
                .field("answer.endDate", "2026-12-05")
                .field("answer.purpose", "搭设脚手架");
    }

    private String submit(BrowserlessLogin browser, Multipart form) {
        HttpResponse<String> response = send(browser, "my/applications", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static HttpResponse<String> send(BrowserlessLogin browser, String path, Multipart form) {
        // A browser's form post: an answer that is a page, the error page included, comes as HTML.
        return browser.send(form.post(HttpRequest.newBuilder(URI.create(APP_URL + path)).header("Accept", "text/html")));
    }

    /** Posts a staff action's form with the CSRF token of the application's page. */
    private static HttpResponse<String> post(BrowserlessLogin browser, String applicationPath, String action,
                                             Map<String, String> fields) {
        Multipart form = new Multipart().field("_csrf", csrf(browser, applicationPath));
        fields.forEach(form::field);
        return send(browser, applicationPath + "/" + action, form);
    }

    private static String csrf(BrowserlessLogin browser, String path) {
        HttpResponse<String> page = get(browser, path);
        assertThat(page.statusCode()).as(path + " went to " + page.headers().firstValue("Location")).isEqualTo(200);
        return Jsoup.parse(page.body()).select("input[name=_csrf]").first().attr("value");
    }

    private static String documentLink(String html) {
        String href = Jsoup.parse(html).select("#attachments a").first().attr("href");
        return href;
    }

    private String status(String reference) {
        return jdbc.queryForObject("select status from permit_application where reference = ?", String.class, reference);
    }

    private int count(String tableAndCondition) {
        return jdbc.queryForObject("select count(*) from " + tableAndCondition, Integer.class);
    }

    private static byte[] png() {
        byte[] content = new byte[32];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, content, 0, 8);
        return content;
    }

    private static byte[] bigPdf(int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) ' ');
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        return content;
    }
}
