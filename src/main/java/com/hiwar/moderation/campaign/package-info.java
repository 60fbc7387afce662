/**
 * Coordinated campaigns: near-identical comments from many accounts (compared on the moderation
 * normalizer's tokens, so tashkeel, tatweel, lookalike letters and Arabizi fold together) are
 * grouped with MinHash signatures; a group past its size holds its new members.
 *
 * <p>Owns: campaigns, campaign_signatures.
 * <p>May use: db, problem, text.
 */
package com.hiwar.moderation.campaign;
