/** In-app inbox with unread counts; reminders, overdue notices and escalations land here (SMS and mail adapters later). */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.qingyuan.notification;
