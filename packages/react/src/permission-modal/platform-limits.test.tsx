import { screen, within } from '@testing-library/react';
import { fieldLimits } from '@wacall/core/platform';
import { describe, expect, it, vi } from 'vitest';
import { renderInEnglish } from '../../test/render';
import { FIXED_NOW } from '../fixtures/clock';
import { customers } from '../fixtures/customers';
import { allTemplates } from '../fixtures/templates';
import { checkTtlOptions } from './permission-form';
import { PermissionModal } from './permission-modal';

// The modal's limits come from `@wacall/core/platform`, so an agent cannot type what the client refuses.
describe("PermissionModal follows the platform table's field limits", () => {
  it("caps the invite's message and label at the table's lengths", () => {
    const view = customers.noPermission;
    renderInEnglish(
      <PermissionModal
        open
        onOpenChange={vi.fn()}
        decisions={view.decisions}
        windowOpenUntil={view.windowOpenUntil}
        customerName="Ana García"
        templates={allTemplates}
        now={FIXED_NOW}
        defaultChoice="call_invite"
        onSendPermissionRequest={vi.fn(async () => {})}
        onSendCallInvite={vi.fn(async () => {})}
      />,
    );
    const dialog = within(screen.getByRole('dialog'));
    expect(dialog.getByLabelText('Message').getAttribute('maxlength')).toBe(
      String(fieldLimits.messageBody.maxLength),
    );
    expect(dialog.getByLabelText('Button label').getAttribute('maxlength')).toBe(
      String(fieldLimits.displayText.maxLength),
    );
  });

  it("takes validity options across the table's ttl range and refuses one past it", () => {
    const { min, max } = fieldLimits.ttlMinutes;
    expect(checkTtlOptions([min, max])).toEqual([min, max]);
    expect(() => checkTtlOptions([max + 1])).toThrow(`from ${min} to ${max}`);
    expect(() => checkTtlOptions([min - 1])).toThrow(`got ${min - 1}`);
  });
});
