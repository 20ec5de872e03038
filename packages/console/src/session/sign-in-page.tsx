import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { ApiError, api } from "../api/client.ts";
import { fieldError } from "../components/problems.ts";
import { strings } from "../strings/index.ts";
import { signedInMemory } from "./session.ts";

const text = strings.common.signIn;

export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // A server with several organizations links to sign-in with ?organization=<id> (docs/console.md).
  const [organizationId, setOrganizationId] = useState(search.get("organization") ?? "");
  const [needsOrganization, setNeedsOrganization] = useState(search.has("organization"));
  const signIn = useMutation({
    mutationFn: () =>
      api.post("/v1/session", {
        email: email.trim(),
        password,
        ...(organizationId.trim() ? { organizationId: organizationId.trim() } : {}),
      }),
    onSuccess: async () => {
      signedInMemory.remember();
      await queryClient.resetQueries();
      const next = (location.state as { from?: string } | null)?.from ?? "/customer-assist";
      navigate(next, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "organization_required") setNeedsOrganization(true);
    },
  });
  const error = signIn.error instanceof ApiError ? signIn.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  const notice = search.get("expired") ? text.expired : search.get("signedOut") ? text.signedOut : null;
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={1} size="h3">
                {text.title}
              </Title>
              <Text c="dimmed" size="sm" mt={4}>
                {text.subtitle}
              </Text>
            </div>
            {notice && !error && (
              <Alert color="blue" role="status">
                {notice}
              </Alert>
            )}
            {error && !fieldError(error, "/email") && !fieldError(error, "/password") && (
              <Alert color="red" role="alert">
                {error.message}
              </Alert>
            )}
            <TextInput
              label={text.email}
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldError(error, "/email")}
            />
            <PasswordInput
              label={text.password}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldError(error, "/password")}
            />
            {needsOrganization && (
              <TextInput
                label={text.organizationId}
                description={text.organizationHint}
                required
                value={organizationId}
                onChange={(event) => setOrganizationId(event.currentTarget.value)}
                error={fieldError(error, "/organizationId")}
              />
            )}
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {text.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
