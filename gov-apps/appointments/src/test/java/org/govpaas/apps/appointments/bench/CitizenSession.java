package org.govpaas.apps.appointments.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.govpaas.identity.testing.BrowserlessLogin;

/**
 * One signed-in citizen of the benchmark, speaking plain HTTP to the app (directly or through the
 * gateway) with its own cookies: the app's session, the CSRF token of its forms, and the pages it
 * reads the service, hall, days and free places from.
 */
final class CitizenSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern RADIO = Pattern.compile("name=\"(service|hall)\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern DAY = Pattern.compile("date=(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern SLOT = Pattern.compile(
            "name=\"slot\"[^>]*value=\"(\\d+)\"[^>]*>.*?appt-slot__free\">\\((?:(\\d+) places free|fully booked)\\)",
            Pattern.DOTALL);
    private static final Pattern REGISTRATION_LINK = Pattern.compile("href=\"([^\"]*login-actions/registration[^\"]*)\"");
    private static final Pattern REGISTER_ACTION = Pattern.compile(
            "<form\\b[^>]*id=\"kc-register-form\"[^>]*action=\"([^\"]+)\"|<form\\b[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-register-form\"");

    /** What a booking attempt came to, as the citizen sees it. */
    enum Outcome { BOOKED, REFUSED, SERVER_ERROR, OTHER }

    record Choice(String service, String hall) {
    }

    private final String base;
    private final BrowserlessLogin http = new BrowserlessLogin();
    private String csrf;

    private CitizenSession(String base) {
        this.base = base;
    }

    /** Signs in an existing citizen on the app's citizens realm. */
    static CitizenSession signIn(String base, String username, String password) {
        CitizenSession session = new CitizenSession(base);
        session.http.login(URI.create(base + "my/book"), username, password, backAtTheApp(base));
        return session;
    }

    /** Registers a new citizen on Keycloak's self-registration form (any deployment with registration on). */
    static CitizenSession register(String base, String username, String password) {
        CitizenSession session = new CitizenSession(base);
        Predicate<URI> target = backAtTheApp(base);
        HttpResponse<String> login = session.http.followRedirects(URI.create(base + "my/book"), target).response();
        Matcher link = REGISTRATION_LINK.matcher(login.body());
        if (!link.find()) {
            throw new IllegalStateException("no registration link on the sign-in page " + login.uri() + ": is self-registration on?");
        }
        HttpResponse<String> form = session.http.send(HttpRequest.newBuilder(login.uri().resolve(unescape(link.group(1)))).GET());
        Matcher action = REGISTER_ACTION.matcher(form.body());
        if (!action.find()) {
            throw new IllegalStateException("no registration form at " + form.uri());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", username);
        fields.put("email", username + "@bench.example.org");
        fields.put("firstName", username);
        fields.put("lastName", "Bench");
        fields.put("password", password);
        fields.put("password-confirm", password);
        HttpResponse<String> registered = session.http.send(HttpRequest.newBuilder(form.uri().resolve(
                        unescape(action.group(1) != null ? action.group(1) : action.group(2))))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
        String location = registered.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("registration of " + username + " answered " + registered.statusCode()));
        session.http.followRedirects(registered.uri().resolve(location), target);
        return session;
    }

    /** Back at the page asked for, after the sign-in callback (Spring Security marks it with ?continue). */
    private static Predicate<URI> backAtTheApp(String base) {
        return uri -> uri.toString().startsWith(base + "my/book?continue");
    }

    /** The first service and hall the app offers. */
    Choice firstChoice() {
        String page = get("my/book").body();
        Map<String, String> first = new LinkedHashMap<>();
        Matcher radio = RADIO.matcher(page);
        while (radio.find()) {
            first.putIfAbsent(radio.group(1), unescape(radio.group(2)));
        }
        return new Choice(first.get("service"), first.get("hall"));
    }

    /** The bookable days the slots page links to, in order. */
    List<LocalDate> days(Choice choice) {
        Matcher day = DAY.matcher(slotsPage(choice, null));
        TreeSet<LocalDate> days = new TreeSet<>();
        while (day.find()) {
            days.add(LocalDate.parse(day.group(1)));
        }
        return new ArrayList<>(days);
    }

    /** Slot id to free places of that day, as the page shows them (and the form's CSRF token). */
    Map<Long, Integer> freePlaces(Choice choice, LocalDate date) {
        String page = slotsPage(choice, date);
        Map<Long, Integer> free = new LinkedHashMap<>();
        Matcher slot = SLOT.matcher(page);
        while (slot.find()) {
            free.put(Long.parseLong(slot.group(1)), slot.group(2) == null ? 0 : Integer.parseInt(slot.group(2)));
        }
        return free;
    }

    /** Reads the CSRF token of this citizen's session from a form page; needed once before booking. */
    void readCsrfToken(Choice choice) {
        Matcher token = CSRF.matcher(slotsPage(choice, null));
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the slots page: not signed in?");
        }
        csrf = token.group(1);
    }

    /** Posts the booking form as the page would. */
    Outcome book(Choice choice, LocalDate date, long slot) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("service", choice.service());
        form.put("hall", choice.hall());
        form.put("date", date.toString());
        form.put("slot", Long.toString(slot));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "my/bookings"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        int status = response.statusCode();
        if (status >= 500) {
            return Outcome.SERVER_ERROR;
        }
        if (status == 302 && response.headers().firstValue("Location").orElse("").contains("/my/bookings/")) {
            return Outcome.BOOKED;
        }
        return status == 200 && response.body().contains("id=\"slot-error\"") ? Outcome.REFUSED : Outcome.OTHER;
    }

    private String slotsPage(Choice choice, LocalDate date) {
        String query = "my/book/slots?lang=en&service=" + URLEncoder.encode(choice.service(), StandardCharsets.UTF_8)
                + "&hall=" + URLEncoder.encode(choice.hall(), StandardCharsets.UTF_8) + (date == null ? "" : "&date=" + date);
        return get(query).body();
    }

    private HttpResponse<String> get(String path) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return response;
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"");
    }
}
