package org.qingyuan.utility.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.qingyuan.shared.DivisionCode;
import org.qingyuan.utility.Utility;
import org.qingyuan.utility.UtilityAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Accounts resolved through {@code utility_order}: the latest order of the utility for the account in the division. */
@Component
class JdbcUtilityAccounts implements UtilityAccounts {

    private final JdbcClient jdbc;

    JdbcUtilityAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> enterprisesOf(Utility utility, Collection<String> accountNumbers, DivisionCode within) {
        Map<String, Long> result = new HashMap<>();
        if (accountNumbers.isEmpty()) {
            return result;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (account_no) account_no, enterprise_id FROM utility_order
                         WHERE utility = :utility AND account_no = ANY(:accounts) AND division_code LIKE :prefix || '%'
                         ORDER BY account_no, ordered_at DESC, id DESC
                        """)
                .param("utility", utility.name()).param("accounts", accountNumbers.toArray(String[]::new))
                .param("prefix", within.prefix())
                .query((rs, i) -> result.put(rs.getString(1), rs.getLong(2))).list();
        return result;
    }
}
