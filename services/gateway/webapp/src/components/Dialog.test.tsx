import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Dialog } from "./Dialog";

describe("Dialog", () => {
  it("is a labelled dialog that keeps focus inside and closes on Escape", async () => {
    const onClose = vi.fn();
    render(
      <Dialog title="Which business is this?" onClose={onClose}>
        <label>
          Name <input />
        </label>
        <button type="button">Later</button>
      </Dialog>,
    );
    const dialog = screen.getByRole("dialog", { name: "Which business is this?" });
    expect(screen.getByLabelText("Name")).toHaveFocus();
    const user = userEvent.setup();
    await user.tab(); // Later
    await user.tab(); // wraps to the first control (the close button), not out of the dialog
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalled();
  });
});
