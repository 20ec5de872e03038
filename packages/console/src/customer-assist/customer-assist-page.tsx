import { Tabs, Title } from "@mantine/core";
import { Outlet, useLocation, useNavigate } from "react-router";
import { strings } from "../strings/index.ts";

const text = strings.assistants.page;

/** Settings > Customer Assist: the assistants of the organization, and the Rules tab (spec 06, 19). */
export function CustomerAssistPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const tab = location.pathname.endsWith("/rules") ? "rules" : "assistants";
  return (
    <>
      <Title order={1} size="h2" mb="md">
        {text.title}
      </Title>
      <Tabs
        value={tab}
        onChange={(value) => navigate(value === "rules" ? "/customer-assist/rules" : "/customer-assist")}
        keepMounted={false}
        mb="lg"
      >
        <Tabs.List>
          <Tabs.Tab value="assistants">{text.assistantsTab}</Tabs.Tab>
          <Tabs.Tab value="rules">{text.rulesTab}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
