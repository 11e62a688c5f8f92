package org.govpaas.apps.kit.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** The name the header shows ("已登录：…") from the claims Keycloak puts in the ID token. */
class SignedInUserTest {

    @Test
    void aChineseNameIsShownFamilyNameFirstWithoutASpace() {
        // Keycloak's name claim is "given family" whatever the script.
        assertThat(shown("市民 张", "市民", "张")).isEqualTo("张市民");
        assertThat(shown("小明 Wang", "小明", "Wang")).isEqualTo("Wang小明");
        assertThat(shown("はなこ 山田", "はなこ", "山田")).isEqualTo("山田はなこ");
        assertThat(shown("민수 김", "민수", "김")).isEqualTo("김민수");
    }

    @Test
    void otherNamesAreShownAsTheNameClaimHasThem() {
        assertThat(shown("Mary Smith", "Mary", "Smith")).isEqualTo("Mary Smith");
        assertThat(shown("José Núñez", "José", "Núñez")).isEqualTo("José Núñez");
        // With one part missing there is no order to mend.
        assertThat(shown("张", null, "张")).isEqualTo("张");
        assertThat(shown(null, null, null)).isEqualTo("walker");
    }

    private static String shown(String name, String given, String family) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "f3c1");
        claims.put("preferred_username", "walker");
        if (name != null) {
            claims.put("name", name);
        }
        if (given != null) {
            claims.put("given_name", given);
        }
        if (family != null) {
            claims.put("family_name", family);
        }
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), claims);
        List<SimpleGrantedAuthority> roles = List.of(new SimpleGrantedAuthority("ROLE_CITIZEN"));
        DefaultOidcUser user = new DefaultOidcUser(roles, token);
        return SignedInUser.from(new OAuth2AuthenticationToken(user, roles, "citizens")).orElseThrow().displayName();
    }
}
