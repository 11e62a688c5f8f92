package org.govpaas.identity.adapter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Reads the two claims our realms put into every token: {@code roles} (realm roles) and
 * {@code groups} (full group paths). Both the console (ID token) and the API (access token)
 * go through here, so a role means the same thing on every path.
 */
public final class KeycloakClaims {

    static final String DEPARTMENTS_GROUP = "/departments/";

    private KeycloakClaims() {
    }

    public static Caller toCaller(Map<String, Object> claims) {
        String username = stringClaim(claims, "preferred_username", stringClaim(claims, "sub", "unknown"));
        String name = displayName(stringClaim(claims, "given_name", ""), stringClaim(claims, "family_name", ""),
                stringClaim(claims, "name", ""), username);
        // Keycloak also puts its own realm roles in the claim (default-roles-<realm>, offline_access,
        // uma_authorization); they grant nothing here, and the console would list them as roles.
        Set<String> roles = new HashSet<>(listClaim(claims, "roles"));
        roles.retainAll(Caller.PLATFORM_ROLES);
        Map<String, Set<DepartmentRole>> departments = new LinkedHashMap<>();
        for (String path : listClaim(claims, "groups")) {
            if (!path.startsWith(DEPARTMENTS_GROUP)) {
                continue;
            }
            String[] parts = path.substring(DEPARTMENTS_GROUP.length()).split("/");
            if (parts.length != 2 || parts[0].isEmpty()) {
                // Membership of the bare department group grants nothing: a role is required.
                continue;
            }
            DepartmentRole.fromGroupName(parts[1]).ifPresent(role ->
                    departments.computeIfAbsent(parts[0], k -> EnumSet.noneOf(DepartmentRole.class)).add(role));
        }
        return new Caller(username, name, roles, departments);
    }

    /**
     * The name to show for a person. Keycloak builds the {@code name} claim as "given family", the
     * Western order: 张 with given name 市民 would read "市民 张". Chinese (and Japanese, Korean) names
     * are written family name first with no space, so when either part is in one of those scripts
     * the parts are joined that way: 张市民. Otherwise the {@code name} claim, else {@code fallback}.
     */
    public static String displayName(String givenName, String familyName, String fullName, String fallback) {
        String given = givenName == null ? "" : givenName.strip();
        String family = familyName == null ? "" : familyName.strip();
        if (!given.isEmpty() && !family.isEmpty() && (writtenFamilyFirst(given) || writtenFamilyFirst(family))) {
            return family + given;
        }
        return fullName == null || fullName.isBlank() ? fallback : fullName.strip();
    }

    private static boolean writtenFamilyFirst(String name) {
        return name.codePoints().mapToObj(Character.UnicodeScript::of).anyMatch(script ->
                script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                        || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL);
    }

    /**
     * Authorities for coarse checks ({@code hasRole}); tenant checks always use {@link Caller}.
     * {@code platform-admin} becomes {@code ROLE_PLATFORM_ADMIN}, a department role held in any
     * department becomes e.g. {@code ROLE_DEVELOPER}.
     */
    public static Collection<GrantedAuthority> toAuthorities(Caller caller) {
        Set<GrantedAuthority> authorities = new HashSet<>();
        caller.platformRoles().forEach(r -> authorities.add(role(r)));
        caller.departments().values().forEach(set -> set.forEach(r -> authorities.add(role(r.groupName()))));
        return authorities;
    }

    private static GrantedAuthority role(String name) {
        return new SimpleGrantedAuthority("ROLE_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }

    private static String stringClaim(Map<String, Object> claims, String name, String fallback) {
        Object value = claims.get(name);
        return value instanceof String s && !s.isBlank() ? s : fallback;
    }

    private static List<String> listClaim(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        List<String> result = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> {
                if (v instanceof String s) {
                    result.add(s);
                }
            });
        } else if (value instanceof String s) {
            result.add(s);
        }
        return result;
    }
}
