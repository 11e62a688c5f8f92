package org.govpaas.identity.provisioning;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.govpaas.identity.adapter.DepartmentRole;
import org.govpaas.identity.adapter.KeycloakClaims;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.OAuth2Constants;

/**
 * Keeps Keycloak in step with the platform: a department is the group
 * {@code /departments/<code>} with one subgroup per {@link DepartmentRole}; adding a member is
 * joining one of those subgroups. Every operation is idempotent, so a retry after a crash or a
 * half-finished call converges instead of failing.
 */
public class KeycloakProvisioning implements AutoCloseable {

    static final String DEPARTMENTS = "departments";
    static final String MINIMUM_ACR = "minimum.acr.value";
    /** Keycloak's level of a sign-in with credentials in the request itself. */
    static final int PASSWORD_ACR_LEVEL = 1;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String serverUrl;
    private final ProvisioningProperties properties;
    private final Map<String, Keycloak> clients = new ConcurrentHashMap<>();

    public KeycloakProvisioning(String serverUrl, ProvisioningProperties properties) {
        this.serverUrl = serverUrl;
        this.properties = properties;
    }

    /** Creates the department's group and role subgroups when missing. */
    public void ensureDepartment(String code, String nameZh, String nameEn) {
        call(() -> {
            RealmResource realm = realm(properties.staffRealm());
            GroupRepresentation root = ensureChild(realm, null, DEPARTMENTS, Map.of());
            GroupRepresentation department = ensureChild(realm, root, code,
                    Map.of("name_zh", List.of(nameZh), "name_en", List.of(nameEn)));
            for (DepartmentRole role : DepartmentRole.values()) {
                ensureChild(realm, department, role.groupName(), Map.of());
            }
            return null;
        });
    }

    public void addMember(String code, String username, DepartmentRole role) {
        call(() -> {
            RealmResource realm = realm(properties.staffRealm());
            UserRepresentation user = findUser(realm, username).orElseThrow(() -> new UnknownUserException(username));
            GroupRepresentation group = realm.getGroupByPath(rolePath(code, role));
            realm.users().get(user.getId()).joinGroup(group.getId());
            return null;
        });
    }

    public void removeMember(String code, String username, DepartmentRole role) {
        call(() -> {
            RealmResource realm = realm(properties.staffRealm());
            Optional<UserRepresentation> user = findUser(realm, username);
            if (user.isPresent()) {
                GroupRepresentation group = realm.getGroupByPath(rolePath(code, role));
                realm.users().get(user.get().getId()).leaveGroup(group.getId());
            }
            return null;
        });
    }

    public List<DepartmentMember> members(String code) {
        return call(() -> {
            RealmResource realm = realm(properties.staffRealm());
            List<DepartmentMember> members = new ArrayList<>();
            for (DepartmentRole role : DepartmentRole.values()) {
                GroupRepresentation group;
                try {
                    group = realm.getGroupByPath(rolePath(code, role));
                } catch (NotFoundException e) {
                    continue;
                }
                for (UserRepresentation user : realm.groups().group(group.getId()).members(0, 500)) {
                    members.add(new DepartmentMember(user.getUsername(), displayName(user), role));
                }
            }
            return members;
        });
    }

    /**
     * Creates a user with a password, realm roles and groups unless one has that username; one
     * that exists keeps its password, roles and groups and gets the given and family names given
     * here (the demo accounts follow their definition).
     *
     * @return whether the user was created
     */
    public boolean ensureUser(String realmName, NewUser newUser) {
        return call(() -> {
            RealmResource realm = realm(realmName);
            Optional<UserRepresentation> existing = findUser(realm, newUser.username());
            if (existing.isPresent()) {
                UserRepresentation user = existing.get();
                if (!Objects.equals(user.getFirstName(), newUser.firstName())
                        || !Objects.equals(user.getLastName(), newUser.lastName())) {
                    user.setFirstName(newUser.firstName());
                    user.setLastName(newUser.lastName());
                    realm.users().get(user.getId()).update(user);
                }
                return false;
            }
            UserRepresentation user = new UserRepresentation();
            user.setUsername(newUser.username());
            user.setFirstName(newUser.firstName());
            user.setLastName(newUser.lastName());
            user.setEmail(newUser.email());
            user.setEmailVerified(true);
            user.setEnabled(true);
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(newUser.password());
            password.setTemporary(false);
            user.setCredentials(List.of(password));
            user.setGroups(newUser.groupPaths());
            try (Response response = realm.users().create(user)) {
                if (response.getStatus() != 201) {
                    throw new IllegalStateException("Keycloak refused user " + newUser.username()
                            + ": HTTP " + response.getStatus());
                }
            }
            String id = findUser(realm, newUser.username()).orElseThrow().getId();
            List<RoleRepresentation> roles = newUser.realmRoles().stream()
                    .map(r -> realm.roles().get(r).toRepresentation()).toList();
            if (!roles.isEmpty()) {
                realm.users().get(id).roles().realmLevel().add(roles);
            }
            return true;
        });
    }

    /**
     * Creates (or updates) an app's confidential OIDC client in {@code realmName}, its redirect
     * URIs limited to the app's own route, and returns its secret.
     *
     * @param appUrl the app's public URL with a trailing slash, e.g. {@code http://localhost:8080/apps/health/clinic/}
     */
    public String ensureAppClient(String realmName, String clientId, String appUrl) {
        return call(() -> {
            RealmResource realm = realm(realmName);
            ClientRepresentation client = realm.clients().findByClientId(clientId).stream().findFirst()
                    .orElse(null);
            ClientRepresentation wanted = client == null ? new ClientRepresentation() : client;
            wanted.setClientId(clientId);
            wanted.setProtocol("openid-connect");
            wanted.setPublicClient(false);
            wanted.setStandardFlowEnabled(true);
            wanted.setDirectAccessGrantsEnabled(false);
            wanted.setImplicitFlowEnabled(false);
            wanted.setServiceAccountsEnabled(false);
            wanted.setRedirectUris(List.of(appUrl + "*"));
            wanted.setWebOrigins(List.of("+"));
            Map<String, String> attributes = attributesOf(wanted);
            attributes.put("pkce.code.challenge.method", "S256");
            attributes.put("post.logout.redirect.uris", appUrl + "*");
            wanted.setAttributes(attributes);
            if (client == null) {
                // A deploy waits for this: the client comes with its secret and claim mappers in one
                // call, where reading them back took five more.
                String secret = newClientSecret();
                wanted.setSecret(secret);
                wanted.setProtocolMappers(claimMappers());
                try (Response response = realm.clients().create(wanted)) {
                    if (response.getStatus() == 201) {
                        return secret;
                    }
                    if (response.getStatus() != 409) {
                        throw new IllegalStateException("Keycloak refused client " + clientId + ": HTTP "
                                + response.getStatus());
                    }
                }
                // Another replica created it meanwhile: use that one as it is.
                client = realm.clients().findByClientId(clientId).get(0);
            } else {
                // Never written back as read: Keycloak may show a masked placeholder instead of the secret.
                wanted.setSecret(null);
                realm.clients().get(client.getId()).update(wanted);
            }
            ensureClaimMappers(realm, client);
            return realm.clients().get(client.getId()).getSecret().getValue();
        });
    }

    /**
     * Makes Keycloak ask for the password on every sign-in through the client, whatever session
     * the browser already has: a minimum ACR of 1 (Keycloak's level for a sign-in with
     * credentials). Changes nothing when the client has that or a higher level already (an
     * operator may ask for a second factor), or a named level, or does not exist.
     *
     * @return whether the client was changed
     */
    public boolean requirePasswordOnEverySignIn(String realmName, String clientId) {
        return call(() -> {
            RealmResource realm = realm(realmName);
            Optional<ClientRepresentation> found = realm.clients().findByClientId(clientId).stream().findFirst();
            if (found.isEmpty()) {
                return false;
            }
            ClientRepresentation client = found.get();
            Map<String, String> attributes = attributesOf(client);
            if (!belowPassword(attributes.get(MINIMUM_ACR))) {
                return false;
            }
            attributes.put(MINIMUM_ACR, String.valueOf(PASSWORD_ACR_LEVEL));
            client.setAttributes(attributes);
            realm.clients().get(client.getId()).update(client);
            return true;
        });
    }

    /** A client's attributes, to change and set back (the representation may have none). */
    private static Map<String, String> attributesOf(ClientRepresentation client) {
        return new HashMap<>(client.getAttributes() == null ? Map.of() : client.getAttributes());
    }

    /** Whether a client's minimum ACR lets a browser session stand in for the password. */
    private static boolean belowPassword(String minimumAcr) {
        if (minimumAcr == null || minimumAcr.isBlank()) {
            return true;
        }
        try {
            return Integer.parseInt(minimumAcr.strip()) < PASSWORD_ACR_LEVEL;
        } catch (NumberFormatException namedLevel) {
            return false; // a name from the realm's ACR-to-level map: the operator's own choice
        }
    }

    /**
     * Adds the claim mappers an existing client lacks (one made before they came with every new
     * app client): mappers are sub-resources, so one by one.
     */
    private static void ensureClaimMappers(RealmResource realm, ClientRepresentation client) {
        List<String> present = client.getProtocolMappers() == null ? List.of()
                : client.getProtocolMappers().stream().map(ProtocolMapperRepresentation::getName).toList();
        for (ProtocolMapperRepresentation mapper : claimMappers()) {
            if (!present.contains(mapper.getName())) {
                realm.clients().get(client.getId()).getProtocolMappers().createMapper(mapper).close();
            }
        }
    }

    /**
     * The claims the identity adapter reads ({@code groups} with full paths, {@code roles}), in
     * the ID token too: without them a back office could not tell which department a staff
     * member belongs to.
     */
    private static List<ProtocolMapperRepresentation> claimMappers() {
        Map<String, String> tokens = Map.of("id.token.claim", "true", "access.token.claim", "true",
                "userinfo.token.claim", "true", "introspection.token.claim", "true");
        Map<String, String> groups = new HashMap<>(tokens);
        groups.put("full.path", "true");
        groups.put("claim.name", "groups");
        Map<String, String> roles = new HashMap<>(tokens);
        roles.put("claim.name", "roles");
        roles.put("multivalued", "true");
        roles.put("jsonType.label", "String");
        return List.of(mapper("groups", "oidc-group-membership-mapper", groups),
                mapper("roles", "oidc-usermodel-realm-role-mapper", roles));
    }

    /** 32 random bytes, URL-safe: as strong as the secrets Keycloak generates itself. */
    private static String newClientSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }

    /** Removes an app's client; a missing one is not an error. */
    public void removeAppClient(String realmName, String clientId) {
        call(() -> {
            RealmResource realm = realm(realmName);
            realm.clients().findByClientId(clientId)
                    .forEach(c -> realm.clients().get(c.getId()).remove());
            return null;
        });
    }

    static String rolePath(String code, DepartmentRole role) {
        return "/" + DEPARTMENTS + "/" + code + "/" + role.groupName();
    }

    private static Optional<UserRepresentation> findUser(RealmResource realm, String username) {
        return realm.users().searchByUsername(username, true).stream().findFirst();
    }

    private static GroupRepresentation ensureChild(RealmResource realm, GroupRepresentation parent, String name,
                                                   Map<String, List<String>> attributes) {
        String path = (parent == null ? "" : parent.getPath()) + "/" + name;
        try {
            return realm.getGroupByPath(path);
        } catch (NotFoundException missing) {
            GroupRepresentation group = new GroupRepresentation();
            group.setName(name);
            group.setAttributes(attributes);
            Response response = parent == null
                    ? realm.groups().add(group)
                    : realm.groups().group(parent.getId()).subGroup(group);
            try (response) {
                // 409: somebody created it in between; either way it exists now.
                if (response.getStatus() != 201 && response.getStatus() != 409) {
                    throw new IllegalStateException("Keycloak refused group " + path + ": HTTP " + response.getStatus());
                }
            }
            return realm.getGroupByPath(path);
        }
    }

    private static String displayName(UserRepresentation user) {
        String western = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return KeycloakClaims.displayName(user.getFirstName(), user.getLastName(), western, user.getUsername());
    }

    private RealmResource realm(String realm) {
        return clients.computeIfAbsent(realm, r -> KeycloakBuilder.builder()
                .serverUrl(serverUrl)
                .realm(r)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .build()).realm(realm);
    }

    private <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ProcessingException e) {
            throw new IdentityServiceUnavailableException("Keycloak is not reachable at " + serverUrl, e);
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 401 || status == 403 || status >= 500) {
                throw new IdentityServiceUnavailableException("Keycloak refused the platform: HTTP " + status, e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        clients.values().forEach(Keycloak::close);
    }
}
