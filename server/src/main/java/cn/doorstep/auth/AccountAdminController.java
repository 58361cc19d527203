package cn.doorstep.auth;

import cn.doorstep.common.ApiResponse;
import cn.doorstep.common.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts (admin)")
@RestController
@RequestMapping("/api/v1/admin/users")
class AccountAdminController {

    private final AccountService accounts;

    AccountAdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Disable a user's account: end all their sessions and refuse their logins (admin)")
    @PostMapping("/{id}/disable")
    ApiResponse<AccountStatus> disable(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @PathVariable long id) {
        return ApiResponse.ok(accounts.disable(me, id));
    }

    @Operation(summary = "Enable a disabled account again (admin)")
    @PostMapping("/{id}/enable")
    ApiResponse<AccountStatus> enable(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id) {
        return ApiResponse.ok(accounts.enable(me, id));
    }
}
