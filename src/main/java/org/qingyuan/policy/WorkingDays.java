package org.qingyuan.policy;

import java.util.List;

import org.qingyuan.shared.WorkingDayCalendar;

/** The working-day calendar of the deployment: the shipped announcements 2017–2026 plus uploaded years. */
public interface WorkingDays {

    /** The calendar as it stands now; an uploaded year replaces the shipped data of that year. */
    WorkingDayCalendar calendar();

    /** The years the calendar holds, ascending, with where their data comes from. */
    List<CalendarYear> years();

    /**
     * Adds or replaces a year from an announcement file in the shipped JSON format
     * ({@code {year, papers, days: [{name, date, isOffDay}]}}).
     *
     * @throws org.qingyuan.shared.InvalidInputException (field {@code file}) with a Chinese reason when the file is malformed
     */
    CalendarYear upload(String json, String uploadedBy);
}
