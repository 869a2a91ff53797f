package org.qingyuan.policy;

/** The kind of value an enterprise fact holds; every fact may also be unknown ({@code null}). */
public enum FactType {
    /** true / false. */
    BOOLEAN,
    /** Free text, e.g. the industry as written in the ledger. */
    TEXT
}
