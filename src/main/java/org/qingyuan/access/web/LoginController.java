package org.qingyuan.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles {@code POST /login}. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "access/login";
    }
}
