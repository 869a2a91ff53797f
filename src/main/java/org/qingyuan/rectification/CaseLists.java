package org.qingyuan.rectification;

import org.qingyuan.access.Scope;
import org.qingyuan.shared.Page;

/** The case list and the battle board (挂图作战), inside the caller's jurisdiction. */
public interface CaseLists {

    Page<CaseSummary> search(CaseQuery query, Scope scope);

    /** 挂图作战 for a division inside the scope (the scope's own division when null). */
    Board board(String division, Scope scope);
}
