-- VOLUNTEER becomes a community-scoped role (scope_id = the community id): a volunteer claims the wishes
-- of the communities that approved them. Existing grants (scope 0) take the holder's community. A holder
-- without a community keeps a scope-0 grant that no longer lets them claim: they apply to a community.
UPDATE user_role r JOIN app_user u ON u.id = r.user_id
SET r.scope_id = u.community_id
WHERE r.role = 'VOLUNTEER' AND r.scope_id = 0 AND u.community_id IS NOT NULL;
