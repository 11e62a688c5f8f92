package org.govpaas.platform.gateway;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.catalina.util.NetMaskSet;
import org.govpaas.platform.apps.AppDirectory;
import org.govpaas.platform.apps.AppDirectory.Route;
import org.govpaas.runtime.AppId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.stereotype.Component;

/**
 * What the {@link FrontServer} does with each request it reads on the platform's public port.
 *
 * <p>A citizen's page request to a serving app (a {@code GET} or {@code HEAD} without a body, on
 * a plain path, directly or through a trusted proxy whose {@code X-Forwarded-*} read plainly) is
 * forwarded from the front server's event loop straight to the app's next ready instance, with
 * {@link AppHeaders}' rules in both directions. Everything else goes to the platform's own server
 * (Tomcat on a loopback port) unchanged but for the hop-by-hop headers and
 * {@code X-Forwarded-For}: the console, the API, the portal, form posts and uploads to apps, the
 * gateway's pages and any request the platform's firewall should judge. There the gateway of
 * {@link AppGateway} forwards what is left for apps with the same rules, so a request that leaves
 * the fast path is served the same way, only by more threads.
 */
@Component
class FrontRoutes {

    /** Path characters of a plain request, besides letters and digits (no {@code ;} or {@code \}). */
    private static final String PATH_CHARACTERS = "-._~!$&'()*+,=:@/";
    /** Query characters Tomcat accepts by default, besides letters, digits and percent escapes. */
    private static final String QUERY_CHARACTERS = "-._~!$&'()*+,;=:@/?";
    /** Percent escapes that decode to something the platform's firewall would look at twice. */
    private static final Set<String> SUSPICIOUS_ESCAPES = Set.of("2f", "5c", "25", "2e", "3b", "00");
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]+)(?::(\\d{1,5}))?");
    private static final String APPS = "/apps/";
    /** Dotted IPv4 as {@link InetAddress#getHostAddress()} writes it (no leading zeros). */
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(?!$)|$)){4}");
    private static final Pattern PORT = Pattern.compile("[1-9]\\d{0,4}");

    /**
     * Where a request goes: an app's instances to try in turn, or the platform's server; the head
     * to send there (towards an app, each attempt sets its instance's {@code Host}); whether it
     * has a body (then it is sent only once).
     *
     * @param route the app, or {@code null} for the platform's server
     */
    record Plan(Route route, List<InetSocketAddress> attempts, HttpRequest head, boolean bodyless) {

        boolean toApp() {
            return route != null;
        }

        /**
         * A request that may be sent again after a connection failed before any answer: a
         * {@code GET} or {@code HEAD} without a body, as {@link AppGateway} retries.
         */
        boolean replayable() {
            return bodyless && (head.method().equals(HttpMethod.GET) || head.method().equals(HttpMethod.HEAD));
        }
    }

    private final AppDirectory directory;
    private final InstanceRotation rotation;
    private final RequestCounts counts;
    private final String sessionCookie;
    private final Predicate<InetAddress> trustedProxy;
    private final int connectionsPerClient;
    /** The headers the platform's server reads a trusted proxy's word from (null: not read). */
    private final String remoteIpHeader;
    private final String protocolHeader;
    private final String protocolHttpsValue;
    private final String hostHeader;
    private final String portHeader;
    /** Every forwarded header a citizen could send: those above and the usual names besides. */
    private final Set<String> forwardedHeaders;

    FrontRoutes(AppDirectory directory, InstanceRotation rotation, RequestCounts counts,
                @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie,
                @Value("${govpaas.gateway.max-connections-per-client:256}") int connectionsPerClient,
                TomcatServerProperties tomcat) {
        this.directory = directory;
        this.connectionsPerClient = connectionsPerClient;
        this.rotation = rotation;
        this.counts = counts;
        this.sessionCookie = sessionCookie;
        TomcatServerProperties.Remoteip remoteIp = tomcat.getRemoteip();
        // The peers whose X-Forwarded-* the platform's server believes (RemoteIpValve's rule).
        this.trustedProxy = proxies(remoteIp.getInternalProxies()).or(proxies(remoteIp.getTrustedProxies()));
        // As Spring Boot configures the valve: these two headers by their usual names when unset.
        this.remoteIpHeader = Objects.requireNonNullElse(blankToNull(remoteIp.getRemoteIpHeader()), AppHeaders.FOR);
        this.protocolHeader = Objects.requireNonNullElse(blankToNull(remoteIp.getProtocolHeader()), AppHeaders.PROTO);
        this.protocolHttpsValue = remoteIp.getProtocolHeaderHttpsValue();
        this.hostHeader = blankToNull(remoteIp.getHostHeader());
        this.portHeader = blankToNull(remoteIp.getPortHeader());
        // Removed through Netty's headers, which match names regardless of case.
        this.forwardedHeaders = Stream.of(remoteIpHeader, protocolHeader, hostHeader, portHeader, AppHeaders.FOR,
                AppHeaders.PROTO, AppHeaders.HOST, AppHeaders.PORT, "Forwarded").filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    /**
     * How many connections {@code client} may hold at once. A browser opens 6 to a host and an
     * office behind one address a few dozen; without a bound, one client holding thousands (a
     * body sent a byte a minute holds its connection) would leave none for anybody else. A trusted
     * proxy carries many citizens' connections, so it has none.
     */
    int connectionCap(InetAddress client) {
        return trustedProxy.test(client) ? Integer.MAX_VALUE : connectionsPerClient;
    }

    /** The plan for a citizen's request read from {@code peer}. */
    Plan plan(HttpRequest request, InetSocketAddress peer, InetSocketAddress platform) {
        return fastPath(request, peer).orElseGet(() -> toPlatform(request, peer, platform));
    }

    /**
     * The request as the platform's server gets it. It trusts {@code X-Forwarded-*} from the
     * front server's loopback address, so the front server applies the platform's trusted-proxy
     * rules first: a citizen's own copies are dropped unless the citizen is itself a trusted
     * proxy, and the address the citizen connected from is added to the header the platform's
     * server reads it from ({@code X-Forwarded-For} unless configured otherwise).
     */
    Plan toPlatform(HttpRequest request, InetSocketAddress peer, InetSocketAddress platform) {
        HttpHeaders headers = request.headers().copy();
        withoutHopByHop(headers);
        String address = peer.getAddress().getHostAddress();
        List<String> forwardedFor = headers.getAll(remoteIpHeader);
        if (!trustedProxy.test(peer.getAddress())) {
            forwardedHeaders.forEach(headers::remove);
            forwardedFor = List.of();
        }
        headers.set(remoteIpHeader, forwardedFor.isEmpty() ? address : String.join(", ", forwardedFor) + ", " + address);
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        boolean bodyless = !chunked && HttpUtil.getContentLength(request, 0L) == 0;
        HttpRequest head = new DefaultHttpRequest(request.protocolVersion(), request.method(), request.uri(), headers);
        // The framing is that of the body this server read and passes on, whatever the headers said.
        HttpUtil.setTransferEncodingChunked(head, chunked);
        // A page request may go out twice: once more when a kept connection was closed under it.
        return new Plan(null, bodyless ? List.of(platform, platform) : List.of(platform), head, bodyless);
    }

    /** The answer as the citizen gets it: an app's with {@link AppHeaders}' rules, the platform's as it is. */
    HttpResponse answer(Plan plan, HttpResponse response) {
        if (!plan.toApp()) {
            HttpHeaders headers = response.headers().copy();
            withoutHopByHop(headers); // Transfer-Encoding too: the front server frames its own connection
            return new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(), headers);
        }
        HttpHeaders out = new DefaultHttpHeaders();
        AppHeaders.fromApp(response.headers(), response.headers().getAll(HttpHeaderNames.CONNECTION), out::add,
                sessionCookie, plan.route().routePath());
        return new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(), out);
    }

    /**
     * An app's full answer to a page request (a fast-path {@code GET} or {@code HEAD}) for a page
     * the citizen already has in this version (its {@code If-None-Match} names the answer's
     * {@code ETag}), as the platform's gateway answers it: 304 without the body, which saves the
     * citizen the download.
     */
    Optional<HttpResponse> notModified(HttpRequest request, HttpResponse answer) {
        String tag = answer.headers().get(HttpHeaderNames.ETAG);
        if (answer.status().code() != 200 || tag == null) {
            return Optional.empty();
        }
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        for (String wanted : request.headers().getAll(HttpHeaderNames.IF_NONE_MATCH)) {
            for (String candidate : wanted.split(",")) {
                candidate = candidate.strip();
                if (candidate.equals("*") || (candidate.startsWith("W/") ? candidate.substring(2) : candidate).equals(opaque)) {
                    HttpHeaders headers = answer.headers().copy();
                    headers.remove(HttpHeaderNames.CONTENT_LENGTH);
                    headers.remove(HttpHeaderNames.TRANSFER_ENCODING);
                    return Optional.of(new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                            HttpResponseStatus.NOT_MODIFIED, headers));
                }
            }
        }
        return Optional.empty();
    }

    /** Metering bills the requests an app answered. */
    void served(Plan plan) {
        counts.served(plan.route().department(), plan.route().app());
    }

    private Optional<Plan> fastPath(HttpRequest request, InetSocketAddress peer) {
        HttpHeaders headers = request.headers();
        String uri = request.uri();
        if (!uri.startsWith(APPS) || !request.protocolVersion().equals(HttpVersion.HTTP_1_1)
                || !(request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD))
                || headers.contains(HttpHeaderNames.CONTENT_LENGTH) || headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                || headers.contains(HttpHeaderNames.EXPECT) || headers.contains(HttpHeaderNames.UPGRADE)) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> header : headers) {
            if (!printableAscii(header.getValue())) {
                return Optional.empty(); // the platform's server judges odd characters
            }
        }
        List<String> hosts = headers.getAll(HttpHeaderNames.HOST);
        var host = hosts.size() == 1 ? HOST.matcher(hosts.get(0)) : null;
        int query = uri.indexOf('?');
        String path = query < 0 ? uri : uri.substring(0, query);
        if (host == null || !host.matches() || !plainPath(path) || (query >= 0 && !plainQuery(uri.substring(query + 1)))) {
            return Optional.empty();
        }
        int hostPort = host.group(2) == null ? 80 : Integer.parseInt(host.group(2));
        Optional<AppHeaders.Citizen> citizen = citizen(headers, peer.getAddress(), host.group(1), hostPort);
        if (citizen.isEmpty()) {
            return Optional.empty();
        }
        int departmentEnd = path.indexOf('/', APPS.length());
        int appEnd = departmentEnd < 0 ? -1 : path.indexOf('/', departmentEnd + 1);
        if (appEnd < 0) {
            return Optional.empty(); // the platform redirects or answers 404
        }
        AppId id;
        try {
            id = new AppId(path.substring(APPS.length(), departmentEnd), path.substring(departmentEnd + 1, appEnd));
        } catch (IllegalArgumentException notDnsLabels) {
            return Optional.empty();
        }
        if (SharedOrigin.fromAnotherPage(headers::get, path.substring(0, appEnd + 1))) {
            return Optional.empty(); // the platform refuses it
        }
        Optional<Route> found = directory.route(id.department(), id.name());
        if (found.isEmpty() || !found.get().available() || found.get().readyInstances().isEmpty()) {
            return Optional.empty(); // the platform answers with its page
        }
        Route route = found.get();
        List<URI> instances = rotation.attempts(route);
        HttpHeaders toApp = new DefaultHttpHeaders();
        AppHeaders.towardsApp(headers, headers.getAll(HttpHeaderNames.CONNECTION), toApp::add, citizen.get(),
                route.routePath(), sessionCookie);
        HttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, request.method(), uri, toApp);
        return Optional.of(new Plan(route, instances.stream()
                .map(instance -> InetSocketAddress.createUnresolved(instance.getHost(), instance.getPort())).toList(),
                head, true));
    }

    /**
     * The citizen as the platform's server sees it once its RemoteIpValve has read a trusted
     * proxy's word: the address, scheme, host name and port that proxy's {@code X-Forwarded-*}
     * give. A request from anybody else is taken at its connection and {@code Host}. Empty for
     * forwarded values the valve might read differently from this (a header given twice, a list
     * of protocols, a host name or an IPv6 address in {@code X-Forwarded-For}, a port without a
     * protocol): the platform's server resolves those itself.
     */
    private Optional<AppHeaders.Citizen> citizen(HttpHeaders headers, InetAddress peer,
                                                 String hostName, int hostPort) {
        if (!trustedProxy.test(peer)) {
            return Optional.of(new AppHeaders.Citizen(peer.getHostAddress(), "http", hostName, hostPort));
        }
        List<String> forwardedFor = headers.getAll(remoteIpHeader);
        List<String> protocol = headers.getAll(protocolHeader);
        List<String> forwardedHost = hostHeader == null ? List.of() : headers.getAll(hostHeader);
        List<String> forwardedPort = portHeader == null ? List.of() : headers.getAll(portHeader);
        if (forwardedFor.size() > 1 || protocol.size() > 1 || forwardedHost.size() > 1 || forwardedPort.size() > 1
                || (protocol.isEmpty() && !forwardedPort.isEmpty())) {
            return Optional.empty();
        }
        // From the right, the proxies the platform trusts are passed over: the first address that
        // is not one is the citizen's; when all of them are, the leftmost.
        String address = peer.getHostAddress();
        if (!forwardedFor.isEmpty()) {
            String[] hops = forwardedFor.get(0).split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (!IPV4.matcher(hop).matches()) {
                    return Optional.empty();
                }
                address = hop;
                if (!trustedProxy.test(ipv4(hop))) {
                    break;
                }
            }
        }
        String scheme = "http";
        int port = hostPort;
        if (!protocol.isEmpty()) {
            if (protocol.get(0).equalsIgnoreCase(protocolHttpsValue)) {
                scheme = "https";
                port = 443;
            } else if (protocol.get(0).equalsIgnoreCase("http")) {
                port = 80;
            } else {
                return Optional.empty();
            }
            if (!forwardedPort.isEmpty()) {
                if (!PORT.matcher(forwardedPort.get(0)).matches()) {
                    return Optional.empty();
                }
                port = Integer.parseInt(forwardedPort.get(0));
            }
        }
        String name = hostName;
        if (!forwardedHost.isEmpty()) {
            var given = HOST.matcher(forwardedHost.get(0));
            if (!given.matches()) {
                return Optional.empty();
            }
            name = given.group(1);
        }
        return Optional.of(new AppHeaders.Citizen(address, scheme, name, port));
    }

    /** A dotted IPv4 address as written by {@link InetAddress#getHostAddress()}: no lookup. */
    private static InetAddress ipv4(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (java.net.UnknownHostException impossible) {
            throw new IllegalArgumentException(address, impossible);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Drops the headers {@link AppHeaders#hopByHop} names (the caller sets the framing again). */
    private static void withoutHopByHop(HttpHeaders headers) {
        AppHeaders.hopByHop(headers.getAll(HttpHeaderNames.CONNECTION)).forEach(headers::remove);
    }

    /** Letters, digits, {@link #PATH_CHARACTERS} and harmless escapes, without empty, {@code .} or {@code ..} segments. */
    private static boolean plainPath(String path) {
        return !(path.contains("//") || path.contains("/./") || path.contains("/../") || path.endsWith("/.")
                || path.endsWith("/..")) && plain(path, PATH_CHARACTERS, true);
    }

    private static boolean plainQuery(String query) {
        return plain(query, QUERY_CHARACTERS, false);
    }

    /** Letters, digits, the given characters and percent escapes; in a path, only of harmless ASCII. */
    private static boolean plain(String text, String characters, boolean path) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    return false;
                }
                String escape = text.substring(i + 1, i + 3);
                int decoded = Integer.parseInt(escape, 16);
                // Beyond ASCII the firewall judges the decoded characters: the platform's server decides.
                if (path && (SUSPICIOUS_ESCAPES.contains(escape.toLowerCase(Locale.ROOT)) || decoded < 0x20
                        || decoded >= 0x7f)) {
                    return false;
                }
                i += 2;
            } else if (!isLetterOrDigit(c) && characters.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Printable ASCII and tabs: anything else in a header value (control characters, the firewall
     * refuses; other bytes, the platform's server decodes) is for the platform's server to judge.
     */
    private static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /**
     * A setting of the platform server's RemoteIpValve ({@code server.tomcat.remoteip.*-proxies}),
     * read as it reads it: a comma-separated list of CIDR blocks when it has a {@code /}, otherwise
     * a regular expression for the address.
     */
    private static Predicate<InetAddress> proxies(String setting) {
        if (setting == null || setting.isBlank()) {
            return address -> false;
        }
        if (setting.contains("/")) {
            return NetMaskSet.parse(setting)::contains;
        }
        Pattern pattern = Pattern.compile(setting);
        return address -> pattern.matcher(address.getHostAddress()).matches();
    }
}
