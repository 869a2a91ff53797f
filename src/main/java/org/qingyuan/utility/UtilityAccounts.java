package org.qingyuan.utility;

import java.util.Collection;
import java.util.Map;

import org.qingyuan.shared.DivisionCode;

/** Which enterprise a utility's account (户号) belongs to, as the orders to that utility name it. */
public interface UtilityAccounts {

    /**
     * For each account number of the utility that an order names within the division, the enterprise of the latest
     * such order; accounts no order names are absent.
     */
    Map<String, Long> enterprisesOf(Utility utility, Collection<String> accountNumbers, DivisionCode within);
}
