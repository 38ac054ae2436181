# Sharing profile (format: docs/profiles.md). Checked by `redact profiles check`.
# Researchers receive de-identified material: every name and identifier is redacted.

id = researcher
version = 2026.11.1
label = Approved researcher
recipients = researcher
legal_basis = HMPPS National Research Committee approval; UK GDPR Art. 6(1)(e), Art. 89 (research safeguards)
section14 = none
agreement = 1
signatory = siro
offence_pack = true

# Categories (taxonomy ids) redacted, with the justification code recorded for each.
redact = nino identity-document
redact = nhs_number medical
redact = pnc_id criminal-record
redact = cro_number criminal-record
redact = prison_number criminal-record
redact = crn criminal-record
redact = passport_number identity-document
redact = driving_licence identity-document
redact = vehicle_registration privacy
redact = sort_code financial
redact = bank_account financial
redact = payment_card financial
redact = iban financial
redact = phone_number contact-details
redact = email_address contact-details
redact = postcode contact-details
redact = ip_address privacy
redact = date_of_birth privacy
redact = person_name privacy
redact = address contact-details
redact = special_category special-category
redact = offence_information spent-conviction

# Names from the --names list, by the party's role (a name without a role follows person_name).
redact_role = victim privacy
redact_role = witness privacy
redact_role = defendant privacy
redact_role = officer privacy
redact_role = professional privacy
