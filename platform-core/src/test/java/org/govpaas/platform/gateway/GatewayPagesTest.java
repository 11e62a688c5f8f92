package org.govpaas.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.web.util.HtmlUtils;

/** What a citizen sees when the gateway cannot hand the request to an app. */
class GatewayPagesTest extends GatewayTestSupport {

    static final Properties ENGLISH = bundle("messages.properties");
    static final Properties CHINESE = bundle("messages_zh_CN.properties");

    @Test
    void aStoppedAppAnswers503WithAFriendlyPageInBothLanguages() throws Exception {
        directory.put(stopped("civil-affairs", "notices"));

        HttpResponse<String> response = get("/apps/civil-affairs/notices/board");

        assertThat(response.statusCode()).isEqualTo(503);
        assertBilingual(response.body(), "gateway.unavailable.heading", "gateway.unavailable.body");
        assertThat(response.body()).contains("公告栏", "Notice board", "lang=\"zh-CN\"", "lang=\"en\"");
        assertStrictHeaders(response);
    }

    @Test
    void thePageAroundTheBilingualTextIsInTheLanguageChosenOnThePlatformAndItsSwitchWorks() throws Exception {
        directory.put(stopped("civil-affairs", "notices"));

        HttpResponse<String> chosenChinese = send(request("/apps/civil-affairs/notices/")
                .header("Accept-Language", "en-US").header("Cookie", "govpaas-lang=zh-CN"));
        HttpResponse<String> chosenEnglish = send(request("/apps/civil-affairs/notices/")
                .header("Accept-Language", "zh-CN").header("Cookie", "govpaas-lang=en"));

        assertThat(chosenChinese.body()).contains("<html lang=\"zh-CN\"", CHINESE.getProperty("portal.name"));
        assertThat(chosenEnglish.body()).contains("<html lang=\"en\"", ENGLISH.getProperty("portal.name"));

        // The page's own language switch works as on the platform's pages, and is remembered.
        HttpResponse<String> switched = send(request("/apps/civil-affairs/notices/?lang=en")
                .header("Accept-Language", "zh-CN"));
        assertThat(switched.body()).contains("<html lang=\"en\"");
        assertThat(switched.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("govpaas-lang=en"));
    }

    @Test
    void anAppWhoseInstancesAllRefuseAnswers503() throws Exception {
        directory.put(running("civil-affairs", "notices", TestInstance.refusing(), TestInstance.refusing()));

        HttpResponse<String> response = send(request("/apps/civil-affairs/notices/")
                .POST(BodyPublishers.ofString("x=1")).header("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertBilingual(response.body(), "gateway.unavailable.heading", "gateway.unavailable.body");
    }

    @Test
    void anUnknownAppAnswers404InBothLanguages() throws Exception {
        HttpResponse<String> response = get("/apps/civil-affairs/no-such-app/?lang=en");

        assertThat(response.statusCode()).isEqualTo(404);
        assertBilingual(response.body(), "gateway.notFound.heading", "gateway.notFound.body");
        assertThat(directory.lookups.get()).as("the directory was asked").isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/apps/Civil-Affairs/notices/", "/apps/civil_affairs/notices/", "/apps/-x/notices/",
            "/apps/civil-affairs/%3Cscript%3E/", "/apps/civil-affairs/a123456789b123456789c123456789d123456789e123456789f123456789abcd/", "/apps/1dept/app/",
            "/apps/civil-affairs", "/apps/", "/apps"})
    void aPathThatNamesNoPossibleAppAnswers404WithoutAskingTheDirectory(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Exception", "at org.");
        assertThat(directory.lookups).hasValue(0);
    }

    @Test
    void theAppAddressWithoutTrailingSlashRedirectsToTheSlashForm() throws Exception {
        HttpResponse<String> response = get("/apps/civil-affairs/notices?lang=en");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("/apps/civil-affairs/notices/?lang=en");

        HttpResponse<String> post = send(request("/apps/civil-affairs/notices").POST(BodyPublishers.ofString("x=1")));
        assertThat(post.statusCode()).isEqualTo(308);
        assertThat(post.headers().firstValue("Location")).hasValue("/apps/civil-affairs/notices/");
    }

    private static void assertBilingual(String page, String... keys) {
        for (String key : keys) {
            assertThat(page).contains(HtmlUtils.htmlEscape(CHINESE.getProperty(key)));
            assertThat(page).contains(HtmlUtils.htmlEscape(ENGLISH.getProperty(key)));
        }
        assertThat(page).doesNotContain("Exception", "at org.", "??");
    }

    private static void assertStrictHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static Properties bundle(String name) {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(GatewayPagesTest.class.getClassLoader().getResourceAsStream(name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }
}
