package org.qingyuan.patrol;

/**
 * Sends text messages (短信) for urgent alerts. The platform ships a gateway that only logs; a deployment plugs in its
 * operator's gateway by declaring another bean of this type.
 */
public interface SmsGateway {

    /** Sends one message to one mobile number; a failure is logged by the caller and never undoes the alert. */
    void send(String phone, String text);
}
