package org.qingyuan.sheets.internal;

import static org.qingyuan.sheets.internal.SheetColumn.*;

import java.util.Map;

import org.qingyuan.ledger.Fact;

/** The ledger's field names (as its validation reports them) and the sheet columns they come from. */
final class LedgerFields {

    private static final Map<String, SheetColumn> COLUMNS = Map.ofEntries(
            Map.entry("name", NAME), Map.entry("creditCode", CREDIT_CODE), Map.entry("operator", OPERATOR),
            Map.entry("contactPerson", CONTACT), Map.entry("contactPhone", PHONE), Map.entry("divisionCode", VILLAGE),
            Map.entry("address", ADDRESS), Map.entry("longitude", LONGITUDE), Map.entry("latitude", LATITUDE),
            Map.entry("industry", INDUSTRY), Map.entry("products", PRODUCTS), Map.entry("rawMaterials", RAW_MATERIALS),
            Map.entry("equipmentModels", EQUIPMENT), Map.entry("employees", EMPLOYEES), Map.entry("outputValue", OUTPUT),
            Map.entry("premises", PREMISES), Map.entry("landlord", LANDLORD), Map.entry("type", TYPE),
            Map.entry("discovery", DISCOVERY), Map.entry("reportedOn", REPORTED_ON), Map.entry("remarks", REMARKS));

    private LedgerFields() {
    }

    /** The header a ledger field's column has in the layout; the field itself when no column holds it. */
    static String column(String field, Layout layout) {
        SheetColumn c = COLUMNS.get(field);
        if (c == null && field.startsWith("facts.")) {
            c = Fact.byJsonName(field.substring(6)).map(SheetColumn::ofFact).orElse(null);
        }
        return c == null ? field : layout.header(c);
    }
}
