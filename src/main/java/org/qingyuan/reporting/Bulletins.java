package org.qingyuan.reporting;

import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.CurrentUser;

/** The district office's bulletins: drafted from the period's figures and submissions, published as frozen .docx. */
public interface Bulletins {

    /** The draft of the bulletin of the period containing {@code day} (null: the last complete week or month). */
    BulletinDraft draft(CurrentUser user, BulletinKind kind, LocalDate day);

    /** The draft as the .docx it would be published as (nothing stored). */
    byte[] preview(CurrentUser user, BulletinKind kind, LocalDate day, String problems, String requirements);

    /** Publishes: numbers, freezes and archives it, and sends it to every unit's inbox; 409 when the period has one. */
    Bulletin publish(CurrentUser user, BulletinKind kind, LocalDate day, String problems, String requirements);

    /** The published bulletins of the user's district, newest first. */
    List<Bulletin> list(CurrentUser user);

    Bulletin get(CurrentUser user, long id);

    /** The .docx as published, checked against its digest. */
    byte[] file(CurrentUser user, long id);
}
