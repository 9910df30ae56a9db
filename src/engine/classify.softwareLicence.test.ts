// « Licence Assoconnect », « Licence Microsoft 365 »: a platform's or a software's licence is a service bought, not a
// federation's licence; « Licences FFF », « Licences joueurs » stay the network's dues (issue 11: a blind heritage
// budget read its Assoconnect subscription as network dues, sure).
import { expect, it } from "vitest";
import { classify } from "./classify.ts";

const c = (label: string) => classify({ label, account: null, context: { sectionHint: "expense" } });

it.each(["Licence Assoconnect", "Licence Microsoft 365", "Licence Canva Pro"])("« %s » is a service bought", (label) => {
  expect(c(label)).toMatchObject({ lever: "external_services", pillar: "financial" });
});

it.each(["Licences FFF", "Licences joueurs", "Licences"])("« %s » stays network dues", (label) => {
  expect(c(label).lever).toBe("network_dues");
});
