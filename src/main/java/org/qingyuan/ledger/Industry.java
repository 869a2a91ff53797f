package org.qingyuan.ledger;

import static org.qingyuan.ledger.IndustryGroup.BUILDING_MATERIALS;
import static org.qingyuan.ledger.IndustryGroup.CHEMICALS;
import static org.qingyuan.ledger.IndustryGroup.LIGHT_INDUSTRY;
import static org.qingyuan.ledger.IndustryGroup.METALS;
import static org.qingyuan.ledger.IndustryGroup.PRINTING_FURNITURE;
import static org.qingyuan.ledger.IndustryGroup.SERVICES;

import static java.util.Map.entry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The industries named by the campaign documents (001 一(一)(二), 004 二). {@link #keyIndustry()}
 * and {@link #eightSmall()} are the defaults of an enterprise's flags when it is registered;
 * the plan of each locality (policy module) may keep its own lists.
 */
public enum Industry {
    NONFERROUS_SMELTING("有色熔炼加工", METALS, true, false),
    CASTING("铸造", METALS, true, false),
    STEEL_ROLLING("轧钢", METALS, true, false),
    WIRE_MESH("丝网加工", METALS, true, false),
    ELECTROPLATING("电镀", METALS, false, true),
    CERAMICS("陶瓷烧制", BUILDING_MATERIALS, true, false),
    REFRACTORY("耐火材料", BUILDING_MATERIALS, true, false),
    CARBON("碳素生产", BUILDING_MATERIALS, true, false),
    LIME_KILN("石灰窑", BUILDING_MATERIALS, true, false),
    BRICK_KILN("砖瓦窑", BUILDING_MATERIALS, true, false),
    CEMENT_GRINDING("水泥粉磨站", BUILDING_MATERIALS, true, false),
    CHEMICAL("化工", CHEMICALS, true, false),
    RUBBER("橡胶生产", CHEMICALS, true, false),
    DYESTUFF("染料", CHEMICALS, false, true),
    PESTICIDE("农药", CHEMICALS, false, true),
    COKING("炼焦", CHEMICALS, false, true),
    TANNING("制革", LIGHT_INDUSTRY, true, true),
    DYEING("印染", LIGHT_INDUSTRY, false, true),
    PAPER("造纸", LIGHT_INDUSTRY, false, true),
    PLASTICS("塑料加工", LIGHT_INDUSTRY, false, true),
    WASTE_PLASTICS("废塑料加工", LIGHT_INDUSTRY, true, false),
    GARMENT("小服装加工", LIGHT_INDUSTRY, true, false),
    PRINTING("印刷", PRINTING_FURNITURE, true, false),
    FURNITURE("家具制造", PRINTING_FURNITURE, true, false),
    AUTO_REPAIR("小汽修", SERVICES, true, false),
    SPRAY_PAINTING("露天喷漆", SERVICES, true, false),
    BATHHOUSE("小洗浴（燃煤锅炉）", SERVICES, true, false),
    LAUNDRY("集中干洗水洗", SERVICES, false, true),
    OTHER("其他", IndustryGroup.OTHER, false, false);

    private final String label;
    private final IndustryGroup group;
    private final boolean keyIndustry;
    private final boolean eightSmall;

    Industry(String label, IndustryGroup group, boolean keyIndustry, boolean eightSmall) {
        this.label = label;
        this.group = group;
        this.keyIndustry = keyIndustry;
        this.eightSmall = eightSmall;
    }

    public String label() {
        return label;
    }

    public IndustryGroup group() {
        return group;
    }

    /** Listed as a key industry (重点行业) by 001 一(一) / 004 二. */
    public boolean keyIndustry() {
        return keyIndustry;
    }

    /** One of the “八小” industries of 001 一(二). */
    public boolean eightSmall() {
        return eightSmall;
    }

    /** Words towns write for an industry besides its name (行业 columns are free text). */
    private static final Map<Industry, List<String>> WORDS = new EnumMap<>(Map.ofEntries(
            entry(NONFERROUS_SMELTING, List.of("有色", "熔炼")),
            entry(WIRE_MESH, List.of("丝网")),
            entry(CERAMICS, List.of("陶瓷")),
            entry(CARBON, List.of("碳素")),
            entry(LIME_KILN, List.of("石灰")),
            entry(BRICK_KILN, List.of("砖瓦", "砖厂", "制砖", "黏土砖", "粘土砖")),
            entry(CEMENT_GRINDING, List.of("水泥粉磨", "粉磨站")),
            entry(WASTE_PLASTICS, List.of("废塑料", "废旧塑料", "再生塑料")),
            entry(GARMENT, List.of("服装", "制衣")),
            entry(FURNITURE, List.of("家具", "木器")),
            entry(AUTO_REPAIR, List.of("汽修", "汽车维修", "汽车修理")),
            entry(SPRAY_PAINTING, List.of("喷漆", "喷涂")),
            entry(BATHHOUSE, List.of("洗浴", "浴池", "澡堂")),
            entry(LAUNDRY, List.of("干洗", "水洗", "洗涤"))));

    /** Each industry's name without 小/加工/生产 and its words. */
    private static final Map<Industry, List<String>> KEYWORDS = new EnumMap<>(Industry.class);

    static {
        for (Industry industry : values()) {
            List<String> words = new ArrayList<>(WORDS.getOrDefault(industry, List.of()));
            String core = industry.label.replaceAll("（.*）", "").replace("小", "").replace("加工", "").replace("生产", "");
            if (!core.isEmpty()) {
                words.add(core);
            }
            KEYWORDS.put(industry, List.copyOf(words));
        }
    }

    /**
     * The industry whose name the text is or contains (for imports of free-text 行业 columns): the exact name
     * first, else the longest name or word found in the text, so 废塑料加工 is 废塑料加工 and not 塑料加工.
     */
    public static Optional<Industry> match(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        Industry best = null;
        int bestLength = 0;
        for (Industry industry : values()) {
            if (t.equals(industry.label) || t.equals(industry.name())) {
                return Optional.of(industry);
            }
            for (String word : KEYWORDS.get(industry)) {
                if (word.length() > bestLength && t.contains(word)) {
                    best = industry;
                    bestLength = word.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
