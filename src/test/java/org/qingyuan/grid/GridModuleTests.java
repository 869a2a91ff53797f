package org.qingyuan.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.grid.internal.GridService;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;

/** The grid module with what it depends on: a grid member's scope is his grids; everyone else keeps his division's. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class GridModuleTests {

    static final String VILLAGE = "410108001001";
    static final CurrentUser DISTRICT = new CurrentUser(1, "district", "区办演示账号", "DISTRICT_OFFICE", "区办",
            DivisionCode.of("410108"), null);
    static final CurrentUser GRID = new CurrentUser(4, "grid", "金河社区网格员", "GRID_MEMBER", "网格员", DivisionCode.of(VILLAGE), null);

    @Autowired GridService grids;

    @Test
    void aGridMembersScopeIsHisGridsAndAnyOtherGridIsNotFound() {
        Grid mine = grids.create(DISTRICT, new GridService.GridInput(VILLAGE, "模块测试网格" + System.nanoTime() % 100000, null, List.of("grid")));
        Grid other = grids.create(DISTRICT, new GridService.GridInput(VILLAGE, "模块他人网格" + System.nanoTime() % 100000, null, List.of()));

        Scope scope = grids.scopeOf(GRID);
        assertThat(scope.gridLimited()).isTrue();
        assertThat(scope.grids()).contains(mine.id()).doesNotContain(other.id());
        assertThat(scope.division()).isEqualTo(DivisionCode.of(VILLAGE));
        assertThat(grids.get(mine.id(), scope).members()).containsExactly("grid");
        assertThatThrownBy(() -> grids.get(other.id(), scope)).isInstanceOf(NotFoundException.class);
        assertThat(grids.list(null, scope)).extracting(Grid::id).contains(mine.id()).doesNotContain(other.id());

        assertThat(grids.scopeOf(DISTRICT).gridLimited()).isFalse();
        assertThat(grids.list(VILLAGE, grids.scopeOf(DISTRICT))).extracting(Grid::id).contains(mine.id(), other.id());
        assertThatThrownBy(() -> grids.get(mine.id(), Scope.of(DivisionCode.of("410108002"))))
                .isInstanceOf(NotFoundException.class);
    }
}
