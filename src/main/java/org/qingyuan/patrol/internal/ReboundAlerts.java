package org.qingyuan.patrol.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.qingyuan.access.RoleHolders;
import org.qingyuan.access.UserContacts;
import org.qingyuan.notification.Inbox;
import org.qingyuan.notification.Notice;
import org.qingyuan.patrol.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Alerts of a rebound (002 五2: 立即联系派出所人员，同时报主要领导): the town's main leaders, the police contact (the officers of
 * the police department) and the district office, in their inboxes (same transaction) and by text message once the
 * check-in is committed (a message sent cannot be called back, so none goes out for a check-in that failed).
 */
@Component
class ReboundAlerts {

    private static final Logger log = LoggerFactory.getLogger(ReboundAlerts.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final RoleHolders roleHolders;
    private final UserContacts contacts;
    private final Inbox inbox;
    private final SmsGateway sms;
    private final PatrolProperties properties;

    ReboundAlerts(RoleHolders roleHolders, UserContacts contacts, Inbox inbox, SmsGateway sms, PatrolProperties properties) {
        this.roleHolders = roleHolders;
        this.contacts = contacts;
        this.inbox = inbox;
        this.sms = sms;
        this.properties = properties;
    }

    /** What the alert says. */
    record Rebound(long checkInId, String enterpriseName, String address, String divisionCode, long caseId, String reporter,
                   Instant at, String note) {
    }

    /** Alerts everyone who must know; answers their user names. */
    List<String> alert(Rebound r) {
        String town = r.divisionCode().substring(0, Math.min(9, r.divisionCode().length()));
        String district = r.divisionCode().substring(0, Math.min(6, r.divisionCode().length()));
        Set<String> recipients = new LinkedHashSet<>();
        recipients.addAll(roleHolders.within(properties.townLeaderRoles(), town));
        recipients.addAll(roleHolders.ofDepartment(properties.policeDepartment()));
        recipients.addAll(roleHolders.within(properties.districtOfficeRoles(), district));
        String title = "【反弹警报】" + r.enterpriseName() + " 恢复生产";
        String body = r.reporter() + " 于 " + TIME.format(r.at()) + " 巡查发现已关停企业“" + r.enterpriseName() + "”恢复生产"
                + (r.address() == null ? "" : "（" + r.address() + "）") + "。整治任务 #" + r.caseId() + " 已重新打开，现场控制中，"
                + "请派出所和执法人员立即到场。" + (r.note() == null ? "" : "现场情况：" + r.note());
        inbox.deliver(recipients, new Notice("PATROL_REBOUND", title, body, "/patrols/check-ins/" + r.checkInId(),
                "rebound:" + r.checkInId()));
        List<String> phones = new ArrayList<>();
        for (String user : recipients) {
            contacts.contact(user).map(UserContacts.Contact::phone).filter(p -> p != null && !p.isBlank()).ifPresent(phones::add);
        }
        String text = title + "：" + body;
        Runnable send = () -> phones.forEach(phone -> {
            try {
                sms.send(phone, text);
            } catch (RuntimeException e) {
                log.error("短信发送失败（反弹警报，打卡 #{}）", r.checkInId(), e);
            }
        });
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
        return List.copyOf(recipients);
    }
}
