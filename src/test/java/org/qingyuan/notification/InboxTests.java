package org.qingyuan.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class InboxTests {

    @Autowired
    Inbox inbox;

    @Test
    void aNoticeWithTheSameKeyIsDeliveredOnce() {
        var notice = new Notice("CASE_DUE_SOON", "整治期限将至", "3 个工作日后到期", "/cases/1", "case-1-due-3");
        assertThat(inbox.deliver(List.of("town"), notice)).isEqualTo(1);
        assertThat(inbox.deliver(List.of("town"), notice)).isZero();
        assertThat(inbox.messages("town", 10)).extracting(Inbox.Message::title).contains("整治期限将至");
    }

    @Test
    void rolesAreReachedWhereTheirJurisdictionCoversTheDivision() {
        var notice = new Notice("CASE_OVERDUE", "案件已逾期", "", null, "overdue-410108001001-x");
        int delivered = inbox.deliverToRoles(List.of("TOWN_OFFICER", "VILLAGE_OFFICER", "DISTRICT_OFFICE"), "410108001001", notice);
        assertThat(delivered).isEqualTo(3);   // district, town 410108001, village 410108001001
        assertThat(inbox.deliverToRoles(List.of("VILLAGE_OFFICER"), "410108002001",
                new Notice("CASE_OVERDUE", "另一村", "", null, null))).isZero();
    }

    @Test
    void readingCountsDownAndSomeoneElsesMessageIsNotFound() {
        inbox.deliver(List.of("village"), new Notice("TEST", "一", "", null, null));
        inbox.deliver(List.of("village"), new Notice("TEST", "二", "", null, null));
        long before = inbox.unread("village");
        long id = inbox.messages("village", 1).get(0).id();
        inbox.markRead("village", id);
        assertThat(inbox.unread("village")).isEqualTo(before - 1);
        assertThatThrownBy(() -> inbox.markRead("grid", id)).isInstanceOf(NotFoundException.class);
        inbox.markAllRead("village");
        assertThat(inbox.unread("village")).isZero();
    }
}
