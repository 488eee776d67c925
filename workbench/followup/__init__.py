"""Follow-up of purchases during the contract (avtalstrohet, issue 20): purchase lines matched to the joint
assortment, and the share of spend inside the agreed assortment."""
