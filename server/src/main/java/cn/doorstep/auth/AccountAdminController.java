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

@Tag(name = "Accounts (admin)",
        description = "Community admins disable and enable the accounts of their community's users; platform admins "
                + "anyone's. See accounts-admin.md.")
@RestController
@RequestMapping("/api/v1/admin/users")
class AccountAdminController {

    private final AccountService accounts;

    AccountAdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "Disable a user's account: end all their sessions and refuse their logins (admin)",
            description = "Community admins, for users of their community; platform admins, for anyone. Ends all "
                    + "the user's sessions at once and refuses their sign-in (403 11001) until enabled; idempotent "
                    + "and audited. Refused: 403 11002 your own account, 11003 an admin's account (platform admins "
                    + "only), 404 12001 no such user or one outside your "
                    + "community.")
    @PostMapping("/{id}/disable")
    ApiResponse<AccountStatus> disable(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                       @PathVariable long id) {
        return ApiResponse.ok(accounts.disable(me, id));
    }

    @Operation(summary = "Enable a disabled account again (admin)",
            description = "Community admins, for users of their community; platform admins, for anyone. The user "
                    + "may sign in again (their old tokens stay ended); idempotent and audited. Refused: 403 11003 an "
                    + "admin's account (platform admins only); 404 12001 no such user or one outside your community.")
    @PostMapping("/{id}/enable")
    ApiResponse<AccountStatus> enable(@Parameter(hidden = true) @AuthenticationPrincipal CurrentUser me,
                                      @PathVariable long id) {
        return ApiResponse.ok(accounts.enable(me, id));
    }
}
