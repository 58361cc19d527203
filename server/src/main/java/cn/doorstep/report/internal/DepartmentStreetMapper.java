package cn.doorstep.report.internal;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface DepartmentStreetMapper extends BaseMapper<DepartmentStreet> {

    /** The streets each of these departments serves, by department (those serving none are left out). */
    default Map<Long, List<Long>> streetsOf(Collection<Long> departmentIds) {
        if (departmentIds.isEmpty()) {
            return Map.of();
        }
        return selectList(Wrappers.<DepartmentStreet>lambdaQuery().in(DepartmentStreet::getDepartmentId, departmentIds)
                .orderByAsc(DepartmentStreet::getStreetId)).stream()
                .collect(Collectors.groupingBy(DepartmentStreet::getDepartmentId,
                        Collectors.mapping(DepartmentStreet::getStreetId, Collectors.toList())));
    }

    /** Makes the department serve exactly these streets. */
    default void replace(long departmentId, Collection<Long> streetIds) {
        delete(Wrappers.<DepartmentStreet>lambdaQuery().eq(DepartmentStreet::getDepartmentId, departmentId));
        for (long streetId : streetIds) {
            var row = new DepartmentStreet();
            row.setDepartmentId(departmentId);
            row.setStreetId(streetId);
            insert(row);
        }
    }
}
