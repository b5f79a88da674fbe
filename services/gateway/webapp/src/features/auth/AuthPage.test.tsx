import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderWithApp } from "../../testing/render";
import { AuthPage } from "./AuthPage";

describe("AuthPage", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("labels every sign-up field and refuses a business id with a wrong check digit", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    renderWithApp(<AuthPage mode="signup" />, "/signup");
    for (const label of ["Full name", "Email", "Password", "Your business id (ע.מ. / ח.פ.)", "Base currency"]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Email"), "dana@example.com");
    await user.type(screen.getByLabelText("Password"), "password-123");
    await user.type(screen.getByLabelText("Your business id (ע.מ. / ח.פ.)"), "514713289");
    await user.click(screen.getByRole("button", { name: "Sign up" }));
    expect(await screen.findByText("This is not a valid Israeli business id (check digit).")).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the gateway's own message when log-in fails", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Response.json({ error: { code: "unauthorized", message: "wrong email or password" } }, { status: 401 })),
    );
    renderWithApp(<AuthPage mode="login" />, "/login");
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Email"), "dana@example.com");
    await user.type(screen.getByLabelText("Password"), "nope-nope");
    await user.click(screen.getByRole("button", { name: "Log in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("wrong email or password");
  });
});
