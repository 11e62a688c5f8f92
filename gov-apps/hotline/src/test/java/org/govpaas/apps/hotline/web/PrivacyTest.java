package org.govpaas.apps.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.govpaas.apps.hotline.photo.TestImages;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A ticket is its owner's and the owning department's staff's; everybody else meets a 404 or a 403. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyTest extends HotlineAppTest {

    Person owner;
    String number;

    @BeforeAll
    void aCitizenReportsWithAPhoto() {
        owner = citizen();
        number = numberOf(owner.report(validReport().file("photo", "p.png", "image/png", TestImages.image("png", 30, 30))));
    }

    @Test
    void anotherCitizenGetsNotFoundForTheTicketItsPhotoAndItsActions() {
        Person other = citizen();

        HttpResponse<String> ticket = other.get("my/tickets/" + number);
        assertThat(ticket.statusCode()).isEqualTo(404);
        assertThat(ticket.body()).contains("页面不存在").doesNotContain("人民路");
        assertThat(other.get("my/tickets/" + number + "/photo").statusCode()).isEqualTo(404);
        assertThat(other.post("my/tickets", "my/tickets/" + number + "/confirm", Map.of()).statusCode()).isEqualTo(404);
        assertThat(other.post("my/tickets", "my/tickets/" + number + "/reopen", Map.of("reason", "x")).statusCode())
                .isEqualTo(404);
        assertThat(other.get("my/tickets").body()).doesNotContain(number);
        // The owner still sees it, unchanged.
        assertThat(owner.get("my/tickets/" + number).statusCode()).isEqualTo(200);
        assertThat(owner.get("my/tickets").body()).contains(number);
    }

    @Test
    void anUnknownNumberLooksTheSameAsSomeoneElsesTicket() {
        Person other = citizen();

        HttpResponse<String> unknown = other.get("my/tickets/12345-20000101-9999");
        HttpResponse<String> someoneElses = other.get("my/tickets/" + number);

        assertThat(unknown.statusCode()).isEqualTo(someoneElses.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(unknown.body()).select("main").text())
                .isEqualTo(Jsoup.parse(someoneElses.body()).select("main").text()).isNotBlank();
    }

    @Test
    void staffOfAnotherDepartmentCannotReachTheBackOffice() {
        Person outsider = staff("health");

        for (String path : new String[] {"staff", "staff/tickets/" + number, "staff/tickets/" + number + "/photo",
                "staff/audit"}) {
            HttpResponse<String> page = outsider.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).doesNotContain("人民路");
        }
        assertThat(staff(DEPARTMENT).get("staff/tickets/" + number).statusCode()).isEqualTo(200);
    }

    @Test
    void aCitizenCannotReachTheBackOffice() {
        assertThat(owner.get("staff/tickets/" + number).statusCode()).isIn(302, 403);
        assertThat(owner.get("staff/tickets/" + number).body()).doesNotContain("人民路");
    }

    @Test
    void anonymousVisitorsAreSentToSignInButSeeThePublicPages() {
        BrowserlessLogin anonymous = new BrowserlessLogin();

        HttpResponse<String> mine = anonymous.send(HttpRequest.newBuilder(URI.create(APP_URL + "my/tickets/" + number)).GET());
        assertThat(mine.statusCode()).isEqualTo(302);
        assertThat(mine.headers().firstValue("Location").orElseThrow()).endsWith("/oauth2/authorization/citizens");
        HttpResponse<String> photo = anonymous.send(HttpRequest.newBuilder(URI.create(APP_URL + "my/tickets/" + number + "/photo")).GET());
        assertThat(photo.statusCode()).isEqualTo(302);
        for (String path : new String[] {"", "statistics", "statistics?days=90", "actuator/health/readiness"}) {
            assertThat(anonymous.send(HttpRequest.newBuilder(URI.create(APP_URL + path)).GET()).statusCode())
                    .as(path).isEqualTo(200);
        }
    }
}
