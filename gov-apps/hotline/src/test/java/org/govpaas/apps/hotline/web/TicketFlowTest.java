package org.govpaas.apps.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** A ticket's life over HTTP: staff triage, assign and resolve; the citizen confirms or reopens; illegal steps are refused. */
class TicketFlowTest extends HotlineAppTest {

    @Test
    void staffResolveAndTheCitizenConfirmsWithEveryStepInTheHistoryAndTheAudit() {
        Person citizen = citizen();
        Person clerk = staff(DEPARTMENT);
        String number = numberOf(citizen.report(validReport()));
        String page = "staff/tickets/" + number;

        assertThat(clerk.post(page, page + "/triage", Map.of("category", "water", "priority", "URGENT")).statusCode()).isEqualTo(302);
        assertThat(clerk.post(page, page + "/assign", Map.of("assignee", "team:water")).statusCode()).isEqualTo(302);
        assertThat(clerk.post(page, page + "/resolve", Map.of("note", "已更换破损水管")).statusCode()).isEqualTo(302);
        Document resolved = Jsoup.parse(citizen.get("my/tickets/" + number).body());
        assertThat(resolved.select("#ticket-status").text()).isEqualTo("已办结");
        assertThat(resolved.select("#ticket-category").text()).isEqualTo("供水与排水");
        assertThat(resolved.select("#ticket-assigned").text()).isEqualTo("市供水集团");
        assertThat(resolved.select("#ticket-resolution").text()).isEqualTo("已更换破损水管");
        assertThat(resolved.select("#confirm")).hasSize(1);

        assertThat(citizen.post("my/tickets/" + number, "my/tickets/" + number + "/confirm", Map.of()).statusCode()).isEqualTo(302);

        Document closed = Jsoup.parse(citizen.get("my/tickets/" + number + "?lang=en").body());
        String citizenName = citizen.displayName();
        String clerkName = clerk.displayName();
        assertThat(closed.select("#ticket-status").text()).isEqualTo("Closed");
        assertThat(closed.select("#history li")).extracting(li -> li.select(".hotline-history__what span").first().text())
                .containsExactly("Reported by " + citizenName,
                        "Triaged by " + clerkName + ": Water supply and drainage, priority Urgent",
                        "Assigned by " + clerkName + " to City water company",
                        "Resolved by " + clerkName,
                        "Confirmed as fixed by " + citizenName);
        assertThat(closed.select("#confirm")).isEmpty();
        Document audit = Jsoup.parse(clerk.get("staff/audit?lang=en").body());
        assertThat(audit.select("#audit tbody tr").stream().filter(tr -> tr.text().contains(number)).toList())
                .extracting(tr -> tr.select("td").get(2).text())
                .containsExactly("Resolved by " + clerkName,
                        "Assigned by " + clerkName + " to City water company",
                        "Triaged by " + clerkName + ": Water supply and drainage, priority Urgent");
    }

    @Test
    void confirmingAnUnresolvedTicketIsRefusedAndChangesNothing() {
        Person citizen = citizen();
        String number = numberOf(citizen.report(validReport()));

        HttpResponse<String> refused = citizen.post("my/tickets/" + number, "my/tickets/" + number + "/confirm", Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        Document refusedPage = Jsoup.parse(refused.body());
        assertThat(refusedPage.select("#refused").text()).contains("待分类");
        assertThat(refusedPage.select("html").attr("lang")).as("drawn by an exception handler, still in its language")
                .isEqualTo("zh-CN");
        assertThat(refusedPage.select(".kit-header__name").text()).as("and still showing who is signed in").isNotEmpty();
        Document ticket = Jsoup.parse(citizen.get("my/tickets/" + number).body());
        assertThat(ticket.select("#ticket-status").text()).isEqualTo("待分类");
        assertThat(ticket.select("#history li")).hasSize(1);
    }

    @Test
    void aConfirmationWithoutTheFormsTokenIsRefused() {
        Person citizen = citizen();
        Person clerk = staff(DEPARTMENT);
        String number = numberOf(citizen.report(validReport()));
        String page = "staff/tickets/" + number;
        clerk.post(page, page + "/triage", Map.of("category", "roads", "priority", "LOW"));
        clerk.post(page, page + "/assign", Map.of("assignee", "team:roads"));
        clerk.post(page, page + "/resolve", Map.of("note", "done"));

        HttpResponse<String> forged = citizen.browser().send(HttpRequest.newBuilder(
                URI.create(APP_URL + "my/tickets/" + number + "/confirm"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(citizen.get("my/tickets/" + number).body()).select("#ticket-status").text()).isEqualTo("已办结");
    }

    @Test
    void staffCannotResolveBeforeAssigningNorAssignBeforeTriage() {
        Person citizen = citizen();
        Person clerk = staff(DEPARTMENT);
        String number = numberOf(citizen.report(validReport()));
        String page = "staff/tickets/" + number;

        assertThat(clerk.post(page, page + "/assign", Map.of("assignee", "team:roads")).statusCode()).isEqualTo(409);
        assertThat(clerk.post(page, page + "/resolve", Map.of("note", "done")).statusCode()).isEqualTo(409);
        assertThat(Jsoup.parse(clerk.get(page).body()).select("#ticket-status").text()).isEqualTo("待分类");
    }

    @Test
    void staffFormsNameWhatIsMissing() {
        Person citizen = citizen();
        Person clerk = staff(DEPARTMENT);
        String number = numberOf(citizen.report(validReport()));
        String page = "staff/tickets/" + number;

        assertThat(Jsoup.parse(clerk.get(page).body()).title()).startsWith("工单 ");
        Document triage = Jsoup.parse(clerk.post(page, page + "/triage", Map.of("category", "bogus")).body());
        assertThat(triage.title()).startsWith("错误：工单 " + number);
        assertThat(triage.select(".govuk-error-summary__list a")).extracting(a -> a.attr("href"))
                .containsExactly("#category", "#priority");
        clerk.post(page, page + "/triage", Map.of("category", "roads", "priority", "LOW"));
        Document assign = Jsoup.parse(clerk.post(page, page + "/assign", Map.of("assignee", "staff:nobody")).body());
        assertThat(assign.select("#assignee-error").text()).contains("请选择承办单位或工作人员");
        // Who is missing from the people list, and why, is said beside it and read out with it.
        assertThat(assign.select("#assignee-hint").text()).contains("首次打开热线工作台", "承办单位");
        assertThat(assign.select("#assignee").attr("aria-describedby")).isEqualTo("assignee-hint assignee-error");
        clerk.post(page, page + "/assign", Map.of("assignee", "team:roads"));
        Document resolve = Jsoup.parse(clerk.post(page, page + "/resolve", Map.of("note", "  ")).body());
        assertThat(resolve.select("#note-error").text()).contains("请填写办理情况");
        assertThat(resolve.title()).startsWith("错误：工单 " + number);
        assertThat(Jsoup.parse(clerk.get(page).body()).select("#ticket-status").text()).isEqualTo("办理中");
    }

    @Test
    void reopeningNeedsAReasonAndSendsTheTicketBackToTheQueue() {
        Person citizen = citizen();
        Person clerk = staff(DEPARTMENT);
        String number = numberOf(citizen.report(validReport()));
        String page = "staff/tickets/" + number;
        clerk.get("staff"); // joins the list of people tickets can be assigned to
        clerk.post(page, page + "/triage", Map.of("category", "roads", "priority", "HIGH"));
        String me = Jsoup.parse(clerk.get(page).body()).select("#assignee option[value^=staff:]").stream()
                .filter(o -> o.text().equals(clerk.displayName())).findFirst().orElseThrow().attr("value");
        clerk.post(page, page + "/assign", Map.of("assignee", me));
        assertThat(Jsoup.parse(citizen.get("my/tickets/" + number).body()).select("#ticket-assigned").text())
                .isEqualTo(clerk.displayName());
        clerk.post(page, page + "/resolve", Map.of("note", "已修补"));

        Document noReason = Jsoup.parse(citizen.post("my/tickets/" + number, "my/tickets/" + number + "/reopen",
                Map.of("reason", "")).body());
        assertThat(noReason.select("#reason-error").text()).contains("请说明还有什么问题");
        // As on every form: "Error:" first in the title and the summary first in the main content.
        assertThat(noReason.title()).startsWith("错误：工单 " + number);
        assertThat(noReason.select("main > *").first().id()).isEqualTo("error-summary");
        assertThat(noReason.select("#error-summary a").attr("href")).isEqualTo("#reason");
        assertThat(noReason.select("#error-summary a").text()).isEqualTo("请说明还有什么问题");
        assertThat(citizen.post("my/tickets/" + number, "my/tickets/" + number + "/reopen",
                Map.of("reason", "坑又出现了")).statusCode()).isEqualTo(302);

        Document reopened = Jsoup.parse(citizen.get("my/tickets/" + number).body());
        assertThat(reopened.select("#ticket-status").text()).isEqualTo("待分类");
        assertThat(reopened.select("#history li").last().text()).contains("重新提起", "坑又出现了");
        assertThat(Jsoup.parse(clerk.get("staff").body()).select("#queue").text()).contains(number);
    }
}
