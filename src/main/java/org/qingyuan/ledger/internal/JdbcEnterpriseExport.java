package org.qingyuan.ledger.internal;

import java.util.function.Consumer;

import javax.sql.DataSource;

import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseExport;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Streams the list with a server-side cursor (PostgreSQL needs a transaction and a fetch size for that). */
@Component
class JdbcEnterpriseExport implements EnterpriseExport {

    private static final int FETCH_SIZE = 2000;

    private final NamedParameterJdbcTemplate cursor;

    JdbcEnterpriseExport(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(template);
    }

    @Override
    @Transactional(readOnly = true)
    public long forEach(EnterpriseQuery query, Scope scope, Consumer<Enterprise> each) {
        if (query.division() != null && !scope.covers(query.division()) && !query.division().contains(scope.division())) {
            throw new InvalidInputException("division", "区划 " + query.division() + " 不在您的辖区 " + scope.division() + " 内");
        }
        ListSql sql = ListSql.of(query, scope);
        long[] count = {0};
        cursor.query(sql.all(JdbcEnterprises.COLUMNS), sql.params(), (RowCallbackHandler) rs -> {
            each.accept(JdbcEnterprises.enterprise(rs, (int) count[0]));
            count[0]++;
        });
        return count[0];
    }
}
