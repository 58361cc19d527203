// 家门口工作台: a Vue 3 single-page app with hash routing, no build step (README "Console").
import { createApp, ref, computed, onMounted, onUnmounted, shallowRef } from 'vue';
import { session, signedOut, post, hasRole } from './api.js';
import { label } from './ui.js';
import LoginPage from './pages/login.js';
import PasswordPage from './pages/password.js';
import DashboardPage from './pages/dashboard.js';
import QueuesPage from './pages/queues.js';
import StationsPage from './pages/stations.js';
import RewardsPage from './pages/rewards.js';
import PeoplePage from './pages/people.js';
import AuditPage from './pages/audit.js';
import ExportsPage from './pages/exports.js';
import MapPage from './pages/map.js';

const MENU = [
  { group: '总览' },
  { path: '/dashboard', title: '数据看板', page: DashboardPage },
  { path: '/map', title: '覆盖地图', page: MapPage },
  { group: '待办' },
  { path: '/queues/review', title: '心愿审核', page: QueuesPage },
  { path: '/queues/dispatch', title: '派单', page: QueuesPage },
  { path: '/queues/disputes', title: '争议处理', page: QueuesPage },
  { path: '/queues/riders', title: '骑手审核', page: QueuesPage },
  { path: '/queues/party', title: '双报到审核', page: QueuesPage },
  { path: '/queues/volunteers', title: '志愿者申请', page: QueuesPage },
  { group: '管理' },
  { path: '/stations', title: '站点', page: StationsPage },
  { path: '/rewards', title: '积分兑换与领取', page: RewardsPage },
  { path: '/people', title: '人员与角色', page: PeoplePage },
  { path: '/audit', title: '操作日志', page: AuditPage },
  { path: '/exports', title: '台账导出', page: ExportsPage },
  { group: '账号' },
  { path: '/password', title: '修改密码', page: PasswordPage },
];

function currentPath() {
  return (location.hash || '#/').slice(1).split('?')[0] || '/';
}

const App = {
  setup() {
    const path = ref(currentPath());
    const onHash = () => { path.value = currentPath(); };
    onMounted(() => window.addEventListener('hashchange', onHash));
    onUnmounted(() => window.removeEventListener('hashchange', onHash));
    const route = computed(() => {
      if (!session.token || path.value === '/login') return { path: '/login', page: LoginPage };
      if (session.mustChangePassword) return MENU.find(m => m.path === '/password');
      return MENU.find(m => m.path === path.value) || MENU.find(m => m.path === '/dashboard');
    });
    const page = computed(() => route.value.page);
    const who = computed(() => session.nickname || session.loginName);
    const roleNames = computed(() => [...new Set((session.roles || []).map(g => g.role).filter(r => r !== 'RESIDENT'))]
      .map(r => label('role', r)).join('、'));
    async function logout() {
      try { await post('/auth/logout'); } catch (e) { /* the session may be gone already */ }
      signedOut();
      location.hash = '#/login';
    }
    return { MENU, route, page, who, roleNames, logout, session };
  },
  template: `
    <component v-if="route.path === '/login'" :is="page" />
    <div v-else class="layout">
      <aside class="aside">
        <div class="brand">家门口 · 工作台</div>
        <ul class="menu">
          <template v-for="m in MENU">
            <li v-if="m.group" class="group">{{ m.group }}</li>
            <li v-else><a :href="'#' + m.path" :class="{ active: route.path === m.path }" :data-test="'menu-' + m.path.replace(/\\//g, '-').slice(1)">{{ m.title }}</a></li>
          </template>
        </ul>
      </aside>
      <section class="main">
        <header class="header">
          <h2 style="margin:0" data-test="page-title">{{ route.title }}</h2>
          <div class="who"><span data-test="who">{{ who }}</span><span class="muted">{{ roleNames }}</span>
            <a data-test="logout" @click="logout">退出登录</a></div>
        </header>
        <main class="content"><component :is="page" :key="route.path" :kind="route.path.split('/')[2]" /></main>
      </section>
    </div>`,
};

createApp(App).mount('#app');
