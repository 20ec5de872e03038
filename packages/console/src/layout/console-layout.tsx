import { AppShell, Avatar, Burger, Group, Menu, NavLink, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBook2, IconLogout, IconMessageChatbot } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Navigate, Outlet, NavLink as RouterNavLink, useLocation, useNavigate } from "react-router";
import { api } from "../api/client.ts";
import { PageError, PageLoading } from "../components/page-state.tsx";
import { signedInMemory, useMe } from "../session/session.ts";
import { strings } from "../strings/index.ts";

const text = strings.common;

/** The frame of every signed-in page: the navigation, the account menu, and the page. */
export function ConsoleLayout() {
  const me = useMe();
  const location = useLocation();
  const [navigationOpen, { toggle, close }] = useDisclosure(false);
  if (me.isPending) return <PageLoading />;
  if (me.isError) {
    if ((me.error as { status?: number }).status === 401) {
      return (
        <Navigate
          to={signedInMemory.signInPath()}
          replace
          state={{ from: location.pathname + location.search }}
        />
      );
    }
    return <PageError error={me.error} onRetry={() => me.refetch()} />;
  }
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: "sm", collapsed: { mobile: !navigationOpen } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={navigationOpen}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={text.navigation.label}
            />
            <Text fw={700} size="lg" component="span">
              {text.productName}
            </Text>
          </Group>
          <AccountMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={text.navigation.label} component="nav">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4}>
          {text.navigation.settings}
        </Text>
        <NavLink
          component={RouterNavLink}
          to="/customer-assist"
          label={text.navigation.customerAssist}
          leftSection={<IconMessageChatbot size={18} aria-hidden />}
          active={
            location.pathname.startsWith("/customer-assist") || location.pathname.startsWith("/assistants")
          }
          onClick={close}
        />
        <NavLink
          href="/docs"
          target="_blank"
          label={text.navigation.apiDocs}
          leftSection={<IconBook2 size={18} aria-hidden />}
        />
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function AccountMenu() {
  const { data } = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = useMutation({
    mutationFn: () => api.delete("/v1/session"),
    onSettled: () => {
      signedInMemory.forget();
      queryClient.clear();
      navigate("/sign-in?signedOut=1", { replace: true });
    },
  });
  const user = data?.user;
  const name = user?.name || user?.email || "";
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`${text.account.menu}: ${name}`}>
          <Group gap="xs">
            <Avatar size="sm" color="indigo" radius="xl" aria-hidden>
              {name.slice(0, 1).toUpperCase()}
            </Avatar>
            <div>
              <Text size="sm" fw={500} lh={1.2}>
                {name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {user ? text.account.roles[user.role] : ""}
              </Text>
            </div>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => signOut.mutate()}>
          {text.account.signOut}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
