package org.govpaas.apps.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.govpaas.apps.hotline.photo.TestImages;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report form: what is accepted, what is refused with a message next to the field, and
 * nothing stored on refusal. One citizen per class, signed in once the app is up (PER_CLASS).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFormTest extends HotlineAppTest {

    Person citizen;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void signIn() {
        citizen = citizen();
    }

    @Test
    void aReportWithAPhotoGetsATicketNumberAndTheCitizenSeesThePhoto() {
        byte[] jpeg = TestImages.image("jpg", 60, 40);

        String number = numberOf(citizen.report(validReport().file("photo", "pothole.jpg", "image/jpeg", jpeg)));

        assertThat(number).matches("12345-\\d{8}-\\d{4}");
        Document page = Jsoup.parse(citizen.get("my/tickets/" + number).body());
        assertThat(page.select("#ticket-number").text()).isEqualTo(number);
        // Right after sending: a confirmation that says so, the page's one heading.
        assertThat(page.select("#reported h1").text()).isEqualTo("已提交");
        assertThat(page.select("#reported").text()).contains(number);
        assertThat(page.select("h1")).hasSize(1);
        assertThat(Jsoup.parse(citizen.get("my/tickets/" + number).body()).select("h1").eachText())
                .as("later visits: the ticket is the heading").containsExactly("工单 " + number);
        assertThat(page.select("#ticket-status").text()).isEqualTo("待分类");
        assertThat(page.select("#ticket-address").text()).isEqualTo("人民路 12 号");
        assertThat(page.select("#history li")).hasSize(1);
        HttpResponse<String> photo = citizen.get("my/tickets/" + number + "/photo");
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(photo.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
        // Kept in the database, so every instance serves it and it survives a restart.
        assertThat(jdbc.queryForObject("select p.bytes from ticket_photo p join ticket t on t.id = p.ticket_id "
                + "where t.number = ?", byte[].class, number)).isEqualTo(jpeg);
    }

    @Test
    void anOversizedPhotoIsRefusedAndNothingIsStored() {
        byte[] big = TestImages.image("png", 400, 400);
        assertThat(big.length).isGreaterThan(PHOTO_MAX_KB * 1024);

        assertRefusedPhoto(validReport().file("photo", "big.png", "image/png", big), "照片不能超过 100 KB");
    }

    @Test
    void aForbiddenTypeIsRefusedAndNothingIsStored() {
        assertRefusedPhoto(validReport().file("photo", "animation.gif", "image/gif", TestImages.gif()),
                "照片必须是 JPEG 或 PNG 图片");
    }

    @Test
    void aScriptNamedLikeAPhotoIsRefusedAndNothingIsStored() {
        byte[] script = "<script>alert(document.cookie)</script>".getBytes();
        assertRefusedPhoto(validReport().file("photo", "holiday.jpg", "image/jpeg", script), "照片必须是 JPEG 或 PNG 图片");
        assertRefusedPhoto(validReport().file("photo", "holiday.png", "image/png", TestImages.jpegMagicThenScript()),
                "照片必须是 JPEG 或 PNG 图片");
    }

    @Test
    void missingFieldsAreNamedNextToTheFieldAndInTheSummary() {
        long before = tickets();

        HttpResponse<String> page = citizen.report(new Multipart().field("category", "").field("address", " ")
                .field("description", "").field("district", "atlantis"));

        assertThat(page.statusCode()).isEqualTo(200);
        Document form = Jsoup.parse(page.body());
        assertThat(form.title()).startsWith("错误：反映问题");
        assertThat(form.select(".govuk-error-summary__title").text()).isEqualTo("提交的内容有问题");
        assertThat(form.select("#photo-hint").text()).isEqualTo("JPEG 或 PNG 图片，不超过 100 KB。");
        assertThat(form.select(".govuk-error-summary__list a")).extracting(a -> a.attr("href"))
                .containsExactly("#category", "#district", "#address", "#description");
        assertThat(form.select("#category-error").text()).contains("请选择问题分类");
        assertThat(form.select("#address-error").text()).contains("请填写问题所在地点");
        assertThat(form.select("#description-error").text()).contains("请描述问题");
        assertThat(form.select("#district-error").text()).contains("请从列表中选择区域");
        assertThat(form.select("#category")).hasSize(1);
        assertThat(form.select("#address").attr("aria-describedby")).contains("address-error");
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void tooLongTextIsRefusedAndWhatWasTypedIsKept() {
        HttpResponse<String> page = citizen.report(new Multipart().field("category", "water")
                .field("address", "长".repeat(201)).field("description", "漏水"));

        Document form = Jsoup.parse(page.body());
        assertThat(form.select("#address-error").text()).contains("地点不能超过 200 个字");
        assertThat(form.select("#description").text()).isEqualTo("漏水");
        assertThat(form.select("input[name=category][checked]").attr("value")).isEqualTo("water");
    }

    @Test
    void scriptPayloadsAreShownAsTextToTheCitizenAndToStaff() {
        String payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        String number = numberOf(citizen.report(new Multipart().field("category", "noise")
                .field("address", payload).field("description", "${7*7} [[${7*7}]] " + payload)));

        String mine = citizen.get("my/tickets/" + number).body();
        assertThat(mine).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert", "<img src=x");
        // Template expressions typed by a citizen are text, never evaluated.
        assertThat(Jsoup.parse(mine).select("#ticket-description").text()).startsWith("${7*7} [[${7*7}]] <script>");
        String staffPage = staff(DEPARTMENT).get("staff/tickets/" + number).body();
        assertThat(staffPage).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
    }

    private void assertRefusedPhoto(Multipart form, String message) {
        long tickets = tickets();
        long photos = jdbc.queryForObject("select count(*) from ticket_photo", Long.class);

        HttpResponse<String> page = citizen.report(form);

        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("#photo-error").text()).contains(message);
        assertThat(html.select(".govuk-error-summary__list a").attr("href")).isEqualTo("#photo");
        assertThat(html.select("#address").attr("value")).isEqualTo("人民路 12 号");
        assertThat(tickets()).isEqualTo(tickets);
        assertThat(jdbc.queryForObject("select count(*) from ticket_photo", Long.class)).isEqualTo(photos);
    }

    private long tickets() {
        return jdbc.queryForObject("select count(*) from ticket", Long.class);
    }
}
