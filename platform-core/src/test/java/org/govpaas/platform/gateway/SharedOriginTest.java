package org.govpaas.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which requests a browser sends from a page of the shared origin may reach an app. */
class SharedOriginTest {

    static final String ROUTE = "/apps/civil-affairs/records/";

    @ParameterizedTest(name = "{5}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            -           | -        | -        | -                                                  | true  | no fetch metadata: not a browser, or plain HTTP to another host
            cross-site  | cors     | empty    | https://example.org/                               | true  | another site, whose pages cannot read the answer
            same-site   | navigate | document | http://localhost:8180/realms/govpaas-citizens/     | true  | back from the sign-in service
            none        | navigate | document | -                                                  | true  | an address typed or a bookmark
            same-origin | navigate | document | http://localhost:8080/                             | true  | a link on the portal
            same-origin | navigate | document | http://localhost:8080/apps/roads/tracker/          | true  | a link or a form on another app's page (opens in its own context group)
            same-origin | cors     | empty    | http://localhost:8080/apps/civil-affairs/records/  | true  | the app's own script
            same-origin | no-cors  | image    | http://localhost:8080/apps/civil-affairs/records/a | true  | the app's own image
            same-origin | navigate | iframe   | http://localhost:8080/apps/civil-affairs/records/  | true  | the app framing itself
            same-origin | cors     | empty    | http://localhost:8080/apps/roads/tracker/          | false | another app's script
            same-origin | no-cors  | script   | http://localhost:8080/apps/roads/tracker/          | false | another app's page embedding a script
            same-origin | navigate | iframe   | http://localhost:8080/apps/roads/tracker/          | false | another app's page framing it
            same-origin | navigate | object   | http://localhost:8080/apps/roads/tracker/          | false | another app's page embedding it as an object
            same-origin | cors     | empty    | -                                                  | false | a script that sent no referrer
            same-origin | cors     | empty    | http://localhost:8080/                             | false | the portal's page (it fetches no app)
            same-origin | cors     | empty    | http://localhost:8080/apps/civil-affairs/records-x/ | false | an app whose name starts the same
            same-origin | cors     | empty    | http://localhost:8080/apps/civil-affairs/records/../x/ | false | a referrer that climbs out of the route
            same-origin | cors     | empty    | not a url                                          | false | a referrer that is no address
            """)
    void aRequestFromAPageOfTheOriginReachesAnAppOnlyFromItsOwnPagesOrAsANavigation(
            String site, String mode, String dest, String referer, boolean reaches, String what) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Sec-Fetch-Site", site);
        headers.put("Sec-Fetch-Mode", mode);
        headers.put("Sec-Fetch-Dest", dest);
        headers.put("Referer", referer);
        assertThat(SharedOrigin.fromAnotherPage(headers::get, ROUTE)).as(what).isEqualTo(!reaches);
    }
}
