package org.qingyuan.notification.web;

import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.notification.Inbox;
import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The signed-in user's inbox: page, unread count, mark read. */
@Controller
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String page(Model model) {
        String me = CurrentUsers.require().username();
        model.addAttribute("messages", inbox.messages(me, 200));
        model.addAttribute("unread", inbox.unread(me));
        return "notification/inbox";
    }

    @PostMapping("/inbox/{id}/read")
    String read(@PathVariable long id) {
        String me = CurrentUsers.require().username();
        inbox.markRead(me, id);
        var link = inbox.messages(me, 200).stream().filter(m -> m.id() == id).findFirst().map(Inbox.Message::link).orElse(null);
        return "redirect:" + (link != null && link.startsWith("/") ? link : "/inbox");
    }

    @PostMapping("/inbox/read-all")
    String readAll() {
        inbox.markAllRead(CurrentUsers.require().username());
        return "redirect:/inbox";
    }

    @GetMapping("/api/v1/inbox")
    @ResponseBody
    Map<String, Object> api() {
        String me = CurrentUsers.require().username();
        List<Inbox.Message> messages = inbox.messages(me, 50);
        return Map.of("unread", inbox.unread(me), "messages", messages);
    }

    @Bean
    static NavigationItem inboxNavigation() {
        return new NavigationItem("工作台", "消息", "/inbox", 5);
    }
}
