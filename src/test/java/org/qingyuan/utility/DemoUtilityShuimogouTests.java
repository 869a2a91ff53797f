package org.qingyuan.utility;

import org.springframework.boot.test.context.SpringBootTest;

/** The utility demo in 水磨沟区 (650105). */
@SpringBootTest(properties = "qingyuan.home-district=650105")
class DemoUtilityShuimogouTests extends DemoUtilityTests {
}
