package org.govpaas.apps.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Where the header's 中文 / English links lead from a page, behind the gateway's path. */
class LanguageLinksTest {

    static final String SERVICE = "/apps/civil-affairs/appointments";

    @Test
    void aPageKeepsItsQueryWithOnlyTheLanguageReplaced() {
        MockHttpServletRequest slots = get("/my/book/slots",
                "service=marriage&hall=civic-centre&date=2026-12-01&lang=en");

        String choices = "?service=marriage&hall=civic-centre&date=2026-12-01";
        assertThat(LanguageLinks.to(slots, "zh-CN")).isEqualTo(choices + "&lang=zh-CN");
        assertThat(LanguageLinks.to(slots, "en")).isEqualTo(choices + "&lang=en");
    }

    @Test
    void encodedValuesStayAsTheyWereAndEveryLangGoes() {
        MockHttpServletRequest search = get("/my/tickets", "q=%E5%BC%A0+%26x&%6Cang=en&lang=zh-CN&flag&a=b=c");
        assertThat(LanguageLinks.to(search, "en")).isEqualTo("?q=%E5%BC%A0+%26x&flag&a=b=c&lang=en");
        assertThat(LanguageLinks.to(get("/", null), "en")).isEqualTo("?lang=en");
        assertThat(LanguageLinks.to(get("/", ""), "zh-CN")).isEqualTo("?lang=zh-CN");
    }

    @Test
    void anErrorPageKeepsTheQueryOfTheAddressTheReaderAskedFor() {
        MockHttpServletRequest error = get("/error", null);
        error.setDispatcherType(DispatcherType.ERROR);
        error.setAttribute(RequestDispatcher.ERROR_QUERY_STRING, "hall=north");

        assertThat(LanguageLinks.to(error, "en")).isEqualTo("?hall=north&lang=en");
    }

    @Test
    void aFormShownAgainAfterItsPostLeadsBackToThePageTheFormWasOn() {
        MockHttpServletRequest post = post("/my/bookings",
                "https://gov.example.cn" + SERVICE + "/my/book/slots?service=marriage&hall=civic-centre&lang=zh-CN");

        String slots = SERVICE + "/my/book/slots?service=marriage&hall=civic-centre";
        assertThat(LanguageLinks.to(post, "en")).isEqualTo(slots + "&lang=en");
        assertThat(LanguageLinks.to(post, "zh-CN")).isEqualTo(slots + "&lang=zh-CN");
    }

    @Test
    void withoutAPageOfThisServiceToGoBackToAPostLeadsToTheServicesStartPage() {
        String start = SERVICE + "/?lang=en";
        assertThat(LanguageLinks.to(post("/my/bookings", null), "en")).isEqualTo(start);
        assertThat(LanguageLinks.to(post("/my/bookings", "https://elsewhere.example" + SERVICE + "/my"), "en"))
                .isEqualTo(start);
        assertThat(LanguageLinks.to(post("/my/bookings", "https://gov.example.cn/apps/health/clinic/my"), "en"))
                .isEqualTo(start);
        assertThat(LanguageLinks.to(post("/my/bookings", "https://gov.example.cn" + SERVICE + "-evil/my"), "en"))
                .isEqualTo(start);
        assertThat(LanguageLinks.to(post("/my/bookings", "not a uri at all"), "en")).isEqualTo(start);
    }

    @Test
    void atTheRootNoPathOfAnotherHostCanBeMade() {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/my/bookings");
        post.setServerName("gov.example.cn");
        post.addHeader("Referer", "https://gov.example.cn//evil.example/x");

        assertThat(LanguageLinks.to(post, "en")).isEqualTo("/?lang=en");
    }

    private static MockHttpServletRequest get(String path, String query) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", SERVICE + path);
        request.setContextPath(SERVICE);
        request.setQueryString(query);
        return request;
    }

    private static MockHttpServletRequest post(String path, String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", SERVICE + path);
        request.setContextPath(SERVICE);
        request.setServerName("gov.example.cn");
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        return request;
    }
}
