package org.qingyuan.demo;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.qingyuan.access.Scope;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EquipmentDisposal;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.BatchRegistration;
import org.qingyuan.ledger.BatchRegistration.DuplicatePolicy;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseDetails.Business;
import org.qingyuan.ledger.EnterpriseDetails.Campaign;
import org.qingyuan.ledger.EnterpriseDetails.Identity;
import org.qingyuan.ledger.EnterpriseDetails.Place;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.FactValue;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.ledger.Premises;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.platform.Deployment;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.CreditCode;
import org.qingyuan.shared.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In demo mode, about 300 realistic enterprises across the home district's real towns and
 * villages, created once: every type, every industry (so every industry group), every
 * discovery source, all eight combinations of the three problem tests (散/乱/污) with the other
 * facts mixed, a few possible duplicates, edits and withdrawals for the history, and generated
 * site photos with EXIF time and GPS for some of them.
 */
@Component
@Order(20)
class DemoEnterprises implements ApplicationRunner {

    static final String MARKER = "演示数据";
    private static final Logger log = LoggerFactory.getLogger(DemoEnterprises.class);
    private static final String[] SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕".split("");
    private static final String[] WORDS = "鑫达 宏发 永兴 恒通 金源 华盛 顺利 兴旺 福来 新星 红星 富强 瑞丰 广源 天成 众和 汇通 昌盛 博远 嘉禾 利民 宏图 信诚 三友".split(" ");
    private static final String[] SUFFIXES = {"厂", "加工厂", "加工点", "作坊", "有限公司", "经营部"};
    private static final String[] ROADS = "金河路 开元路 文化路 天河路 英才街 迎宾路 江山路 长兴路 大河路 刘寨路 花园路 古荥大道 清华园路 月湖路".split(" ");
    private static final String[] PRODUCTS = {"铸件", "包装印刷品", "板式家具", "塑料颗粒", "服装", "砖坯", "橡胶件", "汽车维修", "电镀件", "纸箱"};
    private static final String[] MATERIALS = {"废钢、焦炭", "油墨、纸张", "板材、油漆、胶粘剂", "废旧塑料", "布料", "黏土、煤矸石", "生胶、炭黑", "机油、油漆", "酸洗液、镀液", "原纸、胶水"};

    private final Deployment deployment;
    private final Divisions divisions;
    private final BatchRegistration batch;
    private final Ledger ledger;
    private final Dossier dossier;
    private final DemoSeeds seeds;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoEnterprises(Deployment deployment, Divisions divisions, BatchRegistration batch, Ledger ledger, Dossier dossier,
                    DemoSeeds seeds, TransactionTemplate transactions, Clock clock) {
        this.deployment = deployment;
        this.divisions = divisions;
        this.batch = batch;
        this.ledger = ledger;
        this.dossier = dossier;
        this.seeds = seeds;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!deployment.demo()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (seeds.claim("enterprises")) {
                long started = System.nanoTime();
                int created = create();
                log.info("演示数据 demo ledger: {} enterprises created in {} ms", created, (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    private int create() {
        DivisionCode district = deployment.homeDistrict();
        List<DivisionCode> places = new ArrayList<>();
        for (Division town : divisions.children(district)) {
            List<Division> villages = divisions.children(town.code());
            if (villages.isEmpty()) {
                places.add(town.code());
            } else {
                villages.forEach(v -> places.add(v.code()));
            }
        }
        if (places.isEmpty()) {
            return 0;
        }
        Random random = new Random(410108);
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        Industry[] industries = Industry.values();
        Discovery[] discoveries = Discovery.values();
        List<EnterpriseDetails> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            DivisionCode place = places.get(i % places.size());
            Industry industry = industries[i % industries.length];
            String village = Division.shortName(divisions.get(place).name())
                    .replace("社区", "").replace("村", "").replace("街道", "").replace("镇", "");
            String trade = (random.nextBoolean() ? village : SURNAMES[random.nextInt(SURNAMES.length)] + "记")
                    + WORDS[random.nextInt(WORDS.length)] + industry.label().replaceAll("（.*）", "").replace("小", "");
            String suffix = SUFFIXES[random.nextInt(SUFFIXES.length)];
            // 服装加工 + 加工点 → 服装加工点, not 服装加工加工点
            String name = trade + (trade.endsWith("加工") && suffix.startsWith("加工") ? suffix.substring(2) : suffix);
            double[] centre = centre(place);
            Facts facts = facts(i, random, today);
            boolean licensed = Boolean.TRUE.equals(facts.value(Fact.HAS_BUSINESS_LICENCE));
            String creditCode = licensed ? creditCode(random, i) : null;
            EnterpriseType type = industry.eightSmall() && i % 2 == 0 ? EnterpriseType.EIGHT_SMALL : EnterpriseType.SLW;
            Premises premises = random.nextInt(3) == 0 ? Premises.SELF_BUILT : Premises.RENTED;
            rows.add(new EnterpriseDetails(
                    new Identity(name, creditCode, SURNAMES[random.nextInt(SURNAMES.length)] + "某",
                            SURNAMES[random.nextInt(SURNAMES.length)] + "先生",
                            random.nextInt(5) == 0 ? "0371-6" + (1000000 + random.nextInt(8999999)) : "13" + (100000000 + random.nextInt(899999999))),
                    new Place(place, ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(300)) + "号" + (random.nextBoolean() ? "院内" : ""),
                            round(centre[0] + (random.nextDouble() - 0.5) * 0.01), round(centre[1] + (random.nextDouble() - 0.5) * 0.01)),
                    new Business(industry, null, null, PRODUCTS[i % PRODUCTS.length], MATERIALS[i % MATERIALS.length],
                            random.nextBoolean() ? "设备" + (char) ('A' + random.nextInt(26)) + "-" + (100 + random.nextInt(900)) : null,
                            2 + random.nextInt(40), BigDecimal.valueOf(5 + random.nextInt(500)), premises,
                            premises == Premises.RENTED ? village + "村集体" : null),
                    facts,
                    new Campaign(type, discoveries[i % discoveries.length], today.minusDays(random.nextInt(400)),
                            i % 17 == 0 ? "夜间生产，群众反映异味" : null)));
        }
        // three records entered twice, as happens when a patrol and a complaint find the same workshop
        for (int i = 0; i < 3; i++) {
            EnterpriseDetails original = rows.get(10 + i * 40);
            rows.add(original.withIdentity(new Identity(reportedName(original.name()) + "（群众举报）", null, null, null, null))
                    .withCampaign(new Campaign(original.campaign().type(), Discovery.COMPLAINT, today.minusDays(3), "12369 举报")));
        }
        Scope scope = Scope.of(deployment.homeDistrict());
        var result = batch.registerAll(rows, DuplicatePolicy.FLAG, MARKER, scope);
        List<Long> ids = result.rows().stream().filter(r -> r.id() != null).map(r -> r.id().value()).toList();

        // a few edits and withdrawals, so that histories have something to show
        for (int i = 0; i < 12 && i < ids.size(); i++) {
            EnterpriseId id = EnterpriseId.of(ids.get(i * 7));
            Enterprise e = ledger.get(id, scope);
            Business b = e.details().business();
            ledger.edit(id, e.version(), e.details().withBusiness(new Business(b.industry(), b.keyIndustry(), b.eightSmall(),
                    b.products(), b.rawMaterials(), b.equipmentModels(), b.employees() == null ? 3 : b.employees() + 2,
                    b.outputValue(), b.premises(), b.landlord())), "现场复核用工人数", scope);
        }
        for (int i = 0; i < 4 && 250 + i < ids.size(); i++) {
            ledger.withdraw(EnterpriseId.of(ids.get(250 + i)), null,
                    i % 2 == 0 ? WithdrawalReason.OUT_OF_SCOPE : WithdrawalReason.ENTERED_IN_ERROR, "核查后" + (i % 2 == 0 ? "不属于整治范围" : "系误录"), scope);
        }
        // site photos with EXIF time and place for some, and an equipment list for the cleared ones
        Instant now = Instant.now(clock);
        for (int i = 0; i < 40 && i < ids.size(); i++) {
            long id = ids.get(i * 5);
            Enterprise e = ledger.get(EnterpriseId.of(id), scope);
            if (!e.active()) {
                continue;
            }
            Place p = e.details().place();
            Instant taken = now.minus(30 + i, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
            attach(e, false, i, taken, p);
            if (i % 3 == 0) {
                attach(e, true, i, taken.plus(20, ChronoUnit.DAYS), p);
                dossier.recordEquipment(EvidenceOwner.enterprise(id), p.division(), "中频炉", "KGPS-" + (100 + i), 1 + i % 3,
                        EquipmentDisposal.DISMANTLED, "已断电拆除");
            }
        }
        return ids.size();
    }

    private void attach(Enterprise e, boolean cleared, int seed, Instant taken, Place p) {
        byte[] photo = DemoPhotos.sitePhoto(cleared, seed * 2L + (cleared ? 1 : 0), "#" + e.id() + " " + taken.toString().substring(0, 10),
                taken, p.latitude() + 0.0003, p.longitude() - 0.0002);
        dossier.attach(EvidenceOwner.enterprise(e.id().value()), p.division(), cleared ? EvidenceCategory.AFTER : EvidenceCategory.BEFORE,
                (cleared ? "整治后" : "整治前") + "-" + e.id() + ".jpg", null, new ByteArrayInputStream(photo));
    }

    /** Facts of the i-th enterprise: the three problem tests cycle through all eight combinations, the rest vary. */
    private static Facts facts(int i, Random random, LocalDate today) {
        Map<Fact, FactValue> facts = new EnumMap<>(Fact.class);
        int combination = i % 8;
        FactSource[] sources = {FactSource.INSPECTION, FactSource.DEPARTMENT, FactSource.DECLARATION};
        LocalDate asOf = today.minusDays(random.nextInt(60));
        boolean scattered = (combination & 1) != 0;
        boolean disorderly = (combination & 2) != 0;
        boolean polluting = (combination & 4) != 0;
        facts.put(Fact.CONFORMS_TO_PLANNING, new FactValue(!scattered, sources[i % 3], asOf));
        facts.put(Fact.EMISSIONS_OVER_STANDARD, new FactValue(polluting, FactSource.DEPARTMENT, asOf));
        facts.put(Fact.HAS_EIA_APPROVAL, new FactValue(!disorderly, FactSource.DEPARTMENT, asOf));
        for (Fact fact : List.of(Fact.HAS_FIRE_APPROVAL, Fact.HAS_PLANNING_APPROVAL, Fact.HAS_BUSINESS_LICENCE,
                Fact.HAS_ILLEGAL_BUILDINGS, Fact.HAS_SAFETY_HAZARD, Fact.IN_DEMOLITION_AREA, Fact.INVOLVES_WATER, Fact.INVOLVES_GAS)) {
            int r = random.nextInt(5);
            if (r < 4) {
                facts.put(fact, new FactValue(r % 2 == 0, sources[(i + r) % 3], asOf));
            }
        }
        return new Facts(facts);
    }

    private static String creditCode(Random random, int i) {
        if (i == 37) {
            return "91350211M00013FA1N"; // a real early-pilot code that fails the checksum
        }
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("92410108MA");
        for (int k = 0; k < 7; k++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.append(CreditCode.checkCharacter(b.toString())).toString();
    }

    /**
     * A stable point for each village: inside 惠济区 around 113.62 E, 34.87 N (as it always was, the tests know these
     * sites); in another district, inside its outline as the map ships it ({@code map/outlines/<code>.json}), so that the
     * demo's markers lie in the district the map shows.
     */
    private static double[] centre(DivisionCode code) {
        int h = Math.abs(code.value().hashCode());
        if (code.value().startsWith("410108")) {
            return new double[]{113.55 + (h % 1000) / 1000.0 * 0.2, 34.82 + (h / 1000 % 1000) / 1000.0 * 0.12};
        }
        org.qingyuan.shared.GeoJsonArea area = outline(code.value().substring(0, Math.min(6, code.value().length())));
        if (area == null) {
            return new double[]{113.55 + (h % 1000) / 1000.0 * 0.2, 34.82 + (h / 1000 % 1000) / 1000.0 * 0.12};
        }
        double[] c = area.centre();
        Random random = new Random(h);
        for (int i = 0; i < 500; i++) {
            double spread = i < 250 ? 0.15 : 0.05;
            double x = c[0] + (random.nextDouble() * 2 - 1) * spread, y = c[1] + (random.nextDouble() * 2 - 1) * spread * 0.8;
            if (area.contains(x, y)) {
                return new double[]{x, y};
            }
        }
        return c;
    }

    private static org.qingyuan.shared.GeoJsonArea outline(String county) {
        try (var in = DemoEnterprises.class.getResourceAsStream("/map/outlines/" + county + ".json")) {
            return in == null ? null : org.qingyuan.shared.GeoJsonArea.parse(
                    new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "outline", "区县边界");
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }

    /** How a resident names a workshop in a complaint: 鑫达机械厂 → 鑫达机械加工点 (not 加工加工点). */
    private static String reportedName(String name) {
        return name.contains("加工厂") ? name.replace("加工厂", "加工点") : name.replace("厂", "加工点");
    }
}
