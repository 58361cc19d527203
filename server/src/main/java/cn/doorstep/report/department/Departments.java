package cn.doorstep.report.department;

import cn.doorstep.audit.AuditLog;
import cn.doorstep.auth.RoleService;
import cn.doorstep.common.ApiException;
import cn.doorstep.common.CurrentUser;
import cn.doorstep.common.PageQuery;
import cn.doorstep.common.PageResult;
import cn.doorstep.common.Role;
import cn.doorstep.community.CommunityService;
import cn.doorstep.community.Regions.DistrictNode;
import cn.doorstep.community.Regions.StreetNode;
import cn.doorstep.report.ReportError;
import cn.doorstep.report.department.DepartmentRequests.CreateDepartmentRequest;
import cn.doorstep.report.department.DepartmentRequests.UpdateDepartmentRequest;
import cn.doorstep.report.department.DepartmentViews.DepartmentView;
import cn.doorstep.report.department.DepartmentViews.MemberView;
import cn.doorstep.report.internal.Department;
import cn.doorstep.report.internal.DepartmentMapper;
import cn.doorstep.report.internal.DepartmentStreetMapper;
import cn.doorstep.user.UserError;
import cn.doorstep.user.UserService;
import cn.doorstep.user.UserView;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The departments reports are routed to (物业, 供热, 城管 ...) and their people. The platform admin manages
 * any; a district admin those whose streets all lie in their district; a street admin sees those serving
 * their street. A department's people hold the role DEPARTMENT for it, granted and revoked here (audited;
 * it holds from their next request, RoleService dropping their cached grants).
 */
@Service
public class Departments {

    private final DepartmentMapper departments;
    private final DepartmentStreetMapper streets;
    private final RoleService roles;
    private final UserService users;
    private final CommunityService communities;
    private final AuditLog audit;

    Departments(DepartmentMapper departments, DepartmentStreetMapper streets, RoleService roles, UserService users,
                CommunityService communities, AuditLog audit) {
        this.departments = departments;
        this.streets = streets;
        this.roles = roles;
        this.users = users;
        this.communities = communities;
        this.audit = audit;
    }

    @Transactional
    public DepartmentView create(CurrentUser me, CreateDepartmentRequest request) {
        Set<Long> streetIds = new LinkedHashSet<>(request.streetIds());
        requireManages(me, streetIds);
        var department = new Department();
        department.setName(request.name().strip());
        department.setKind(request.kind().name());
        department.setPhone(blankToNull(request.phone()));
        department.setActive(true);
        department.setCreatedBy(me.id());
        try {
            departments.insert(department);
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        streets.replace(department.getId(), streetIds);
        audit.record(me.id(), null, "department.create", "department", department.getId(),
                department.getName() + " streets " + streetIds);
        return view(department, List.copyOf(streetIds));
    }

    /** The departments the caller sees (all for the platform; those serving their streets or districts), by name. */
    @Transactional(readOnly = true)
    public PageResult<DepartmentView> list(CurrentUser me, Long streetId, Long districtId, PageQuery page) {
        Set<Long> filter = null;
        if (streetId != null || districtId != null) {
            filter = new HashSet<>();
            if (streetId != null) {
                filter.add(streetId);
            }
            if (districtId != null) {
                Set<Long> ofDistrict = streetsOfDistricts(Set.of(districtId));
                filter = streetId != null ? filter.stream().filter(ofDistrict::contains).collect(Collectors.toSet()) : ofDistrict;
            }
        }
        if (!me.isPlatformAdmin()) {
            Set<Long> mine = streetsSeenBy(me);
            filter = filter == null ? mine : filter.stream().filter(mine::contains).collect(Collectors.toSet());
        }
        if (filter != null && filter.isEmpty()) {
            return PageResult.of(List.of(), 0, page);
        }
        Page<Department> rows = departments.selectServing(new Page<>(page.page(), page.size()), filter);
        Map<Long, List<Long>> served = streets.streetsOf(rows.getRecords().stream().map(Department::getId).toList());
        return PageResult.of(rows.getRecords().stream().map(d -> view(d, served.getOrDefault(d.getId(), List.of()))).toList(),
                rows.getTotal(), page);
    }

    @Transactional(readOnly = true)
    public DepartmentView get(CurrentUser me, long id) {
        Department department = requireSeen(me, id);
        return view(department, streets.streetsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    @Transactional
    public DepartmentView update(CurrentUser me, long id, UpdateDepartmentRequest request) {
        requireManaged(me, id);
        Department department = departments.selectById(id);
        List<String> changes = new ArrayList<>();
        if (request.name() != null && !request.name().isBlank()) {
            department.setName(request.name().strip());
            changes.add("name " + department.getName());
        }
        if (request.phone() != null) {
            department.setPhone(blankToNull(request.phone()));
            changes.add("phone");
        }
        if (request.active() != null) {
            department.setActive(request.active());
            changes.add("active " + request.active());
        }
        try {
            departments.updateById(department);
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
        if (request.streetIds() != null) {
            Set<Long> streetIds = new LinkedHashSet<>(request.streetIds());
            requireManages(me, streetIds);
            streets.replace(id, streetIds);
            changes.add("streets " + streetIds);
        }
        audit.record(me.id(), null, "department.update", "department", id, String.join("; ", changes));
        return get(me, id);
    }

    @Transactional(readOnly = true)
    public List<MemberView> members(CurrentUser me, long id) {
        requireManaged(me, id);
        List<Long> ids = roles.holders(Role.DEPARTMENT, List.of(id), PageQuery.of(1, PageQuery.MAX_SIZE)).items().stream()
                .map(RoleService.Holder::userId).toList();
        Map<Long, UserView> found = users.findAll(ids);
        return ids.stream().filter(found::containsKey).map(u -> new MemberView(u, found.get(u).nickname())).toList();
    }

    /** Grants the user the role DEPARTMENT for it (granting twice keeps one grant and writes no second audit row). */
    @Transactional
    public List<MemberView> addMember(CurrentUser me, long id, long userId) {
        requireManaged(me, id);
        if (users.find(userId).isEmpty()) {
            throw new ApiException(UserError.USER_NOT_FOUND);
        }
        if (roles.grant(userId, Role.DEPARTMENT, id)) {
            audit.record(me.id(), null, "department.member.add", "user", userId, "department " + id);
        }
        return members(me, id);
    }

    @Transactional
    public List<MemberView> removeMember(CurrentUser me, long id, long userId) {
        requireManaged(me, id);
        if (!roles.revoke(userId, Role.DEPARTMENT, id)) {
            throw new ApiException(ReportError.NOT_A_MEMBER);
        }
        audit.record(me.id(), null, "department.member.remove", "user", userId, "department " + id);
        return members(me, id);
    }

    /** The department, for someone who sees it (404 otherwise). */
    private Department requireSeen(CurrentUser me, long id) {
        Department department = departments.selectById(id);
        if (department == null) {
            throw new ApiException(ReportError.DEPARTMENT_NOT_FOUND);
        }
        if (!me.isPlatformAdmin()) {
            Set<Long> mine = streetsSeenBy(me);
            if (streets.streetsOf(List.of(id)).getOrDefault(id, List.of()).stream().noneMatch(mine::contains)) {
                throw new ApiException(ReportError.DEPARTMENT_NOT_FOUND);
            }
        }
        return department;
    }

    /** The department, for someone who manages it: 404 if they do not even see it, 403 if they only see it. */
    private void requireManaged(CurrentUser me, long id) {
        requireSeen(me, id);
        requireManages(me, Set.copyOf(streets.streetsOf(List.of(id)).getOrDefault(id, List.of())));
    }

    /** Every street must exist (400 naming it) and lie in the caller's district (403), unless they are the platform. */
    private void requireManages(CurrentUser me, Set<Long> streetIds) {
        Map<Long, Long> districtOf = new HashMap<>();
        for (DistrictNode d : communities.regions()) {
            for (StreetNode s : d.streets()) {
                districtOf.put(s.id(), d.id());
            }
        }
        int i = 0;
        for (long streetId : streetIds) {
            if (!districtOf.containsKey(streetId)) {
                throw ApiException.badField(ReportError.UNKNOWN_STREET, "streetIds[" + i + "]", "names no street");
            }
            i++;
        }
        if (me.isPlatformAdmin()) {
            return;
        }
        Set<Long> districts = me.scopesOf(Role.DISTRICT_ADMIN);
        if (districts.isEmpty() || !streetIds.stream().allMatch(s -> districts.contains(districtOf.get(s)))) {
            throw new ApiException(ReportError.DEPARTMENT_NOT_YOURS);
        }
    }

    /** The streets a street or district admin looks after. */
    private Set<Long> streetsSeenBy(CurrentUser me) {
        Set<Long> mine = new HashSet<>(me.scopesOf(Role.STREET_ADMIN));
        mine.addAll(streetsOfDistricts(me.scopesOf(Role.DISTRICT_ADMIN)));
        return mine;
    }

    private Set<Long> streetsOfDistricts(Set<Long> districtIds) {
        if (districtIds.isEmpty()) {
            return Set.of();
        }
        return communities.regions().stream().filter(d -> districtIds.contains(d.id()))
                .flatMap(d -> d.streets().stream()).map(StreetNode::id).collect(Collectors.toSet());
    }

    /** The departments' names, for notices and timelines. */
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : departments.selectByIds(ids).stream()
                .collect(Collectors.toMap(Department::getId, Department::getName));
    }

    private static DepartmentView view(Department d, List<Long> streetIds) {
        return new DepartmentView(d.getId(), d.getName(), DepartmentKind.valueOf(d.getKind()), d.getPhone(),
                Boolean.TRUE.equals(d.getActive()), streetIds, d.getCreatedAt());
    }

    private static ApiException nameTaken() {
        return new ApiException(ReportError.DEPARTMENT_NAME_TAKEN);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
