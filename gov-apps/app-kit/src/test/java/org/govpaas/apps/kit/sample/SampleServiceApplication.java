package org.govpaas.apps.kit.sample;

import org.govpaas.apps.kit.signin.SignedInUser;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The smallest citizen service: a public page, a citizen area and a back office. */
@SpringBootApplication
public class SampleServiceApplication {

    @Controller
    static class Pages {

        @GetMapping("/")
        String home() {
            return "home";
        }

        @GetMapping("/my/whoami")
        @ResponseBody
        String citizen(SignedInUser user) {
            return user.kind() + " " + user.username() + " " + user.subject();
        }

        @GetMapping("/staff/whoami")
        @ResponseBody
        String staff(SignedInUser user) {
            return user.kind() + " " + user.username();
        }

        /** A refusal rendered as a page by an exception handler, as services do (no model attributes there). */
        @GetMapping("/refused")
        String refused() {
            throw new IllegalStateException("refused");
        }

        @ExceptionHandler(IllegalStateException.class)
        @ResponseStatus(HttpStatus.CONFLICT)
        String refusedPage() {
            return "home";
        }

        @PostMapping("/my/echo")
        @ResponseBody
        String echo(SignedInUser user) {
            return "posted by " + user.username();
        }
    }
}
