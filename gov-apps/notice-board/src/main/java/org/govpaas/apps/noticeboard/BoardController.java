package org.govpaas.apps.noticeboard;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class BoardController {

    static final String BOARD = "board";

    private final BoardSettings settings;
    private final Notices notices;

    BoardController(BoardSettings settings, Notices notices) {
        this.settings = settings;
        this.notices = notices;
    }

    @GetMapping("/")
    String board(Locale locale, Model model) {
        model.addAttribute("settings", settings);
        model.addAttribute("notices", notices.in(locale));
        return BOARD;
    }
}
