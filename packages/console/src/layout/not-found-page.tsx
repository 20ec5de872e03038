import { Button } from "@mantine/core";
import { Link } from "react-router";
import { EmptyState } from "../components/page-state.tsx";
import { strings } from "../strings/index.ts";

const text = strings.common.states;

export function NotFoundPage() {
  return (
    <EmptyState
      title={text.notFoundTitle}
      body={text.notFoundBody}
      action={
        <Button component={Link} to="/customer-assist" variant="light">
          {text.goHome}
        </Button>
      }
    />
  );
}
